package dev.andon.core.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the store lives and how to log in. Built once from the command line and the environment, never
 * from system properties.
 *
 * @param jdbcUrl     {@code jdbc:h2:file:...} or {@code jdbc:postgresql://...}
 * @param user        database user, when the database wants one
 * @param password    database password; never printed
 * @param maxPoolSize connections kept by the pool
 */
public record StoreConfig(String jdbcUrl, Optional<String> user, Optional<String> password, int maxPoolSize) {

    /** The environment variable that moves the default data directory. */
    public static final String DATA_DIR_ENV = "ANDON_DATA_DIR";
    /** Default environment variables holding PostgreSQL credentials. */
    public static final String DEFAULT_USER_ENV = "ANDON_DB_USER";
    public static final String DEFAULT_PASSWORD_ENV = "ANDON_DB_PASSWORD";
    public static final int DEFAULT_POOL_SIZE = 4;
    /** The H2 database's file name inside the data directory (H2 adds {@code .mv.db}). */
    public static final String H2_FILE_NAME = "andon";

    public StoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        user = user == null ? Optional.empty() : user;
        password = password == null ? Optional.empty() : password;
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the store supports jdbc:h2: and jdbc:postgresql: URLs, but was " + redact(jdbcUrl));
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1, but was " + maxPoolSize);
        }
    }

    /**
     * The embedded H2 database under {@code dataDir}. {@code AUTO_SERVER} lets a second process on the
     * same machine ({@code andon halt} next to a running daemon) open the same file: the first process
     * serves it to the others over loopback. {@code WRITE_DELAY=0} puts every commit in the file at once,
     * so a {@code kill -9} right after a run stored its undo cannot lose it. The {@code async:} file system
     * keeps the database open when a thread is interrupted in the middle of a write (an executor's
     * {@code shutdownNow}, Quartz stopping); the default one closes the whole database then.
     */
    public static StoreConfig h2(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve(H2_FILE_NAME);
        return new StoreConfig("jdbc:h2:async:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", Optional.empty(), Optional.empty(), DEFAULT_POOL_SIZE);
    }

    public static StoreConfig postgres(String url, Optional<String> user, Optional<String> password) {
        return new StoreConfig(url, user, password, DEFAULT_POOL_SIZE);
    }

    /** {@code $ANDON_DATA_DIR}, else {@code ~/.andon}. */
    public static Path defaultDataDir(Map<String, String> env, Path userHome) {
        String override = env.get(DATA_DIR_ENV);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return userHome.resolve(".andon");
    }

    public boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    public StoreConfig withMaxPoolSize(int size) {
        return new StoreConfig(jdbcUrl, user, password, size);
    }

    /** For messages: the URL without its parameters, which may carry credentials. */
    public String describe() {
        return (isH2() ? "H2 " : "PostgreSQL ") + redact(jdbcUrl);
    }

    @Override
    public String toString() {
        return "StoreConfig[" + describe() + ", user=" + user.orElse("-") + "]";
    }

    private static String redact(String url) {
        int h2Options = url.indexOf(';');
        int query = url.indexOf('?');
        int cut = h2Options >= 0 ? h2Options : query;
        return cut >= 0 ? url.substring(0, cut) : url;
    }
}
