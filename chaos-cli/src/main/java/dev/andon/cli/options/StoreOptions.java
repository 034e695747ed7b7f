package dev.andon.cli.options;

import dev.andon.cli.ExitCodes;
import dev.andon.cli.UserError;
import dev.andon.core.engine.ActionRecord;
import dev.andon.core.engine.ExperimentRunner;
import dev.andon.core.engine.RunListener;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.store.NodeIdentity;
import dev.andon.core.store.RecoveredRun;
import dev.andon.core.store.StoreConfig;
import dev.andon.core.store.StoreException;
import dev.andon.core.store.StoreSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Option;

/**
 * Where the store is: {@code --data-dir} for the embedded H2 file (default {@code $ANDON_DATA_DIR} or
 * {@code ~/.andon}), or {@code --db jdbc:postgresql://...} (default {@code $ANDON_DB_URL}) with credentials
 * from environment variables or a file, never from the command line.
 */
public final class StoreOptions {

    /** Environment variable naming the shared database when {@code --db} is not given. */
    public static final String DB_URL_ENV = "ANDON_DB_URL";

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of the embedded store (default: $ANDON_DATA_DIR, else ~/.andon).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Shared PostgreSQL store, e.g. jdbc:postgresql://db:5432/andon (default: $ANDON_DB_URL). "
                    + "Credentials come from --db-user-env/--db-password-env or --db-password-file.")
    String db;

    @Option(names = "--db-user-env", paramLabel = "VAR", defaultValue = StoreConfig.DEFAULT_USER_ENV,
            description = "Environment variable holding the database user (default: ${DEFAULT-VALUE}).")
    String userEnv;

    @Option(names = "--db-password-env", paramLabel = "VAR", defaultValue = StoreConfig.DEFAULT_PASSWORD_ENV,
            description = "Environment variable holding the database password (default: ${DEFAULT-VALUE}).")
    String passwordEnv;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "File holding the database password (a mounted secret); wins over --db-password-env.")
    Path passwordFile;

    /** The store these options name, reading credentials from {@code env}. */
    public StoreConfig config(Map<String, String> env) {
        String url = db != null ? db : dataDir == null ? blankToNull(env.get(DB_URL_ENV)) : null;
        if (db != null && dataDir != null) {
            throw new UserError(ExitCodes.INVALID_INPUT, "--data-dir and --db name two different stores: give one of them");
        }
        if (url == null) {
            Path dir = dataDir != null ? dataDir : StoreConfig.defaultDataDir(env, Path.of(System.getProperty("user.home")));
            return StoreConfig.h2(dir);
        }
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw new UserError(ExitCodes.INVALID_INPUT, "--db " + url + ": expected a jdbc:postgresql://HOST:PORT/DATABASE URL");
        }
        Optional<String> user = Optional.ofNullable(blankToNull(env.get(userEnv)));
        Optional<String> password = passwordFile != null ? Optional.of(readPassword(passwordFile))
                : Optional.ofNullable(env.get(passwordEnv));
        return new StoreConfig(url, user, password, StoreConfig.DEFAULT_POOL_SIZE);
    }

    /**
     * Opens the store for this process, then recovers runs left behind by a dead process (their undos
     * are executed with the installed plugins), telling {@code err} what it did. The session gives
     * {@code andon run} its recorder, the cord and the halt guard.
     */
    public StoreSession open(Clock clock, PrintWriter err) {
        StoreConfig config = config(System.getenv());
        StoreSession session;
        try {
            session = StoreSession.open(config, NodeIdentity.current(), clock);
        } catch (StoreException e) {
            String hint = config.isH2() ? " (is --data-dir writable?)"
                    : " (check the URL, and the credentials in $" + userEnv + " and "
                            + (passwordFile != null ? passwordFile : "$" + passwordEnv) + ")";
            throw new UserError(ExitCodes.PLATFORM_ERROR, e.getMessage() + hint, e);
        }
        try {
            recover(session, clock, err);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    private static void recover(StoreSession session, Clock clock, PrintWriter err) {
        // Plugins are discovered only when a dead run left an undo to run: most commands find none.
        AtomicReference<ExperimentRunner> runner = new AtomicReference<>();
        for (RecoveredRun r : session.recoverInterruptedRuns((runId, undo, settings) -> runner
                .updateAndGet(existing -> existing != null ? existing : new ExperimentRunner(PluginRegistry.load(), clock))
                .undo(undo, runId, settings, new RunListener() { }))) {
            err.println("recovered run " + r.runId() + " (" + r.experiment() + "): " + r.reason());
            for (ActionRecord undo : r.undos()) {
                err.println("  undo " + undo.status().spelling() + ": " + undo.summary() + undo.error().map(e -> " (" + e + ")").orElse(""));
            }
        }
        err.flush();
    }

    private static String readPassword(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UserError(ExitCodes.INVALID_INPUT, "--db-password-file " + file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
