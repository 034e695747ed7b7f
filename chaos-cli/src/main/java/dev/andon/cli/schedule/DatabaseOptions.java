package dev.andon.cli.schedule;

import dev.andon.cli.ExitCodes;
import dev.andon.cli.UserError;
import dev.andon.core.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the store is: embedded H2 under {@code --data-dir} by default, PostgreSQL with {@code --db}. Credentials
 * come from the environment ({@code ANDON_DB_USER}, {@code ANDON_DB_PASSWORD}) or a password file, never from the
 * command line, where {@code ps} would show them.
 */
public final class DatabaseOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory of the embedded H2 store (default: $ANDON_DATA_DIR or ~/.andon).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "PostgreSQL store shared by several nodes, e.g. jdbc:postgresql://db:5432/andon. "
            + "User and password from $ANDON_DB_USER and $ANDON_DB_PASSWORD.")
    String db;

    @Option(names = "--db-password-file", paramLabel = "FILE", description = "Read the database password from this file instead of $ANDON_DB_PASSWORD.")
    Path passwordFile;

    /**
     * The same H2 file through H2's {@code retry:} file system. Quartz interrupts its own threads when it shuts
     * down; an interrupt that lands inside a plain H2 file write closes the whole database (Java's file channels
     * close on interrupt), and Quartz then retries forever. {@code retry:} reopens the channel instead. Other
     * processes may still open the file with the plain URL: AUTO_SERVER serves them the same database.
     */
    static StoreConfig interruptSafe(StoreConfig h2) {
        return new StoreConfig(h2.jdbcUrl().replaceFirst("^jdbc:h2:file:", "jdbc:h2:retry:file:"), h2.user(), h2.password(), h2.maxPoolSize());
    }

    public StoreConfig config() {
        Map<String, String> env = System.getenv();
        if (db == null) {
            Path dir = dataDir != null ? dataDir : StoreConfig.defaultDataDir(env, Path.of(System.getProperty("user.home")));
            return interruptSafe(StoreConfig.h2(dir));
        }
        if (!db.startsWith("jdbc:postgresql:")) {
            throw new UserError(ExitCodes.INVALID_INPUT, "--db " + db.replaceAll("\\?.*", "") + ": expected a jdbc:postgresql:// URL "
                    + "(leave --db out for the embedded H2 store under --data-dir)");
        }
        Optional<String> password = Optional.ofNullable(env.get(StoreConfig.DEFAULT_PASSWORD_ENV));
        if (passwordFile != null) {
            try {
                password = Optional.of(Files.readString(passwordFile).strip());
            } catch (IOException e) {
                throw new UserError(ExitCodes.INVALID_INPUT, "--db-password-file " + passwordFile + ": cannot read: " + e.getMessage());
            }
        }
        return StoreConfig.postgres(db, Optional.ofNullable(env.get(StoreConfig.DEFAULT_USER_ENV)), password);
    }
}
