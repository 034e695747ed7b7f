package dev.andon.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts about this build of Andon, for journals and {@code --version}. */
public final class AndonInfo {

    private static final String VERSION = readVersion();

    private AndonInfo() {
    }

    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = AndonInfo.class.getResourceAsStream("andon-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
