package dev.andon.cli.schedule;

import dev.andon.cli.ExitCodes;
import dev.andon.cli.UserError;
import dev.andon.cli.options.StoreOptions;
import dev.andon.cli.options.VerboseOption;
import dev.andon.core.engine.RunListener;
import dev.andon.core.model.Durations;
import dev.andon.core.scheduler.ScheduleDaemon;
import dev.andon.core.scheduler.SchedulerEvents;
import dev.andon.core.scheduler.metrics.MetricsServer;
import dev.andon.core.scheduler.metrics.SchedulerMetrics;
import dev.andon.core.scheduler.notify.WebhookNotifier;
import dev.andon.core.scheduler.notify.WebhookTarget;
import dev.andon.core.scheduler.quartz.SchedulerNodeConfig;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.store.NodeIdentity;
import dev.andon.core.store.StoreException;
import dev.andon.core.store.StoreSession;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "daemon",
        mixinStandardHelpOptions = true,
        description = {
            "Run the Schedule files of a directory until stopped (SIGINT/SIGTERM): cron or Chaos Monkey mode, kill windows,",
            "holidays, guards. Several daemons on one PostgreSQL (--db) form a cluster: each firing runs on exactly one node.",
            "New schedules are leashed (dry runs) until their file says 'leashed: false'."
        })
public final class DaemonCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", defaultValue = "experiments/schedules",
            description = "Directory of Schedule files, reloaded when they change (default: ${DEFAULT-VALUE}).")
    Path directory;

    @Mixin
    StoreOptions store;

    @Option(names = "--node", paramLabel = "NAME", description = "This node's name in the cluster and in history (default: the host name).")
    String node;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the Chaos Monkey plans; 'andon schedule preview --seed N' shows them (default: random, printed).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "4", description = "Runs this node may execute at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--journal-dir", paramLabel = "DIR", defaultValue = "journals", description = "Folder for run journals (default: ${DEFAULT-VALUE}).")
    Path journalDir;

    @Option(names = "--reload-interval", paramLabel = "DURATION", defaultValue = "2s", description = "How often the directory is checked for changes (default: ${DEFAULT-VALUE}).")
    String reloadInterval;

    @Option(names = "--misfire-threshold", paramLabel = "DURATION", defaultValue = "60s",
            description = "A firing later than this (no node was running) is recorded as missed, not run (default: ${DEFAULT-VALUE}).")
    String misfireThreshold;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve Prometheus metrics on http://ADDRESS:PORT/metrics.")
    Integer metricsPort;

    @Option(names = "--metrics-address", paramLabel = "ADDRESS", defaultValue = "0.0.0.0", description = "Address the metrics port binds to (default: ${DEFAULT-VALUE}).")
    String metricsAddress;

    @Option(names = "--webhook", paramLabel = "URL", description = "POST a JSON event on run started, deviated, aborted, failed, halt and resume (repeatable).")
    List<URI> webhooks = new ArrayList<>();

    @Option(names = "--slack-webhook", paramLabel = "URL", description = "The same events as Slack messages, to an incoming-webhook URL (repeatable).")
    List<URI> slackWebhooks = new ArrayList<>();

    @Option(names = "--stop-after", paramLabel = "DURATION", description = "Stop by itself after this long (trials, CI).")
    String stopAfter;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(directory)) {
            throw new UserError(ExitCodes.INVALID_INPUT, directory + ": no such directory (give the folder of your Schedule files)");
        }
        String nodeName = node != null ? node : hostName();
        long planSeed = seed != null ? seed : new java.security.SecureRandom().nextLong();
        SchedulerNodeConfig nodeConfig = SchedulerNodeConfig.defaults(safeNodeId(nodeName), planSeed).withThreads(threads)
                .withMisfireThreshold(duration("--misfire-threshold", misfireThreshold));
        ScheduleDaemon.Settings settings = new ScheduleDaemon.Settings(directory.toAbsolutePath().normalize(), nodeConfig,
                duration("--reload-interval", reloadInterval), journalDir);
        List<WebhookTarget> targets = new ArrayList<>();
        webhooks.forEach(u -> targets.add(target(u, WebhookTarget.Format.JSON)));
        slackWebhooks.forEach(u -> targets.add(target(u, WebhookTarget.Format.SLACK)));
        Clock clock = Clock.systemUTC();
        DateTimeFormatter stamp = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
        Object printLock = new Object();
        java.util.function.Consumer<String> say = line -> {
            synchronized (printLock) {
                out.println(stamp.format(Instant.now()) + " " + line);
                out.flush();
            }
        };

        SchedulerMetrics metrics = new SchedulerMetrics();
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "andon-daemon-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (StoreSession session = openStore(nodeName);
                WebhookNotifier notifier = new WebhookNotifier(targets, WebhookNotifier.DEFAULT_TIMEOUT, nodeName)) {
            ScheduleDaemon.Observers observers = new ScheduleDaemon.Observers(SchedulerEvents.all(List.of(metrics, notifier)),
                    () -> List.<RunListener>of(metrics.runListener(), notifier.runListener()));
            try (ScheduleDaemon daemon = new ScheduleDaemon(session, PluginRegistry.load(), settings, clock, observers, say);
                    MetricsServer server = metricsPort == null ? null : MetricsServer.start(new InetSocketAddress(metricsAddress, metricsPort), () -> {
                        try {
                            metrics.nextFireTimes(daemon.node().nextFireTimes());
                        } catch (org.quartz.SchedulerException e) {
                            say.accept("cannot read next fire times: " + e.getMessage());
                        }
                        return metrics.scrape();
                    })) {
                daemon.start();
                if (server != null) {
                    say.accept("metrics on http://" + metricsAddress + ":" + server.port() + "/metrics");
                }
                if (stopAfter != null) {
                    stop.await(duration("--stop-after", stopAfter).toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    stop.await();
                }
                say.accept("stopping: waiting for runs in progress to finish their rollbacks");
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting because of a signal: the hook has run.
            }
        }
        say.accept("stopped");
        return 0;
    }

    private StoreSession openStore(String nodeName) {
        try {
            return StoreSession.open(store.config(System.getenv()), NodeIdentity.current(nodeName, hostName()), Clock.systemUTC());
        } catch (StoreException e) {
            throw new UserError(ExitCodes.PLATFORM_ERROR, e.getMessage(), e);
        }
    }

    private static WebhookTarget target(URI uri, WebhookTarget.Format format) {
        try {
            return new WebhookTarget(uri, format);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.INVALID_INPUT, e.getMessage());
        }
    }

    static Duration duration(String option, String text) {
        return Durations.parse(text).orElseThrow(() -> new UserError(ExitCodes.INVALID_INPUT,
                option + " " + text + ": expected a duration like 2s, 500ms or 1m"));
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }

    private static String safeNodeId(String name) {
        return name.replaceAll("[^-A-Za-z0-9_.]", "-");
    }
}
