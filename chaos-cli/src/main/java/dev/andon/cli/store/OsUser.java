package dev.andon.cli.store;

/** Who pulled or released the cord: the OS user running the command. */
final class OsUser {

    private OsUser() {
    }

    static String name() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }
}
