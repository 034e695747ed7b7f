package dev.andon.core.scheduler.quartz;

import dev.andon.core.scheduler.Cadence;
import dev.andon.core.scheduler.ChaosMonkeyPlanner;
import dev.andon.core.scheduler.FiringHandler;
import dev.andon.core.scheduler.KillWindow;
import dev.andon.core.scheduler.PlannedKill;
import dev.andon.core.scheduler.Schedule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of the scheduler: Quartz with its JDBC job store over the store's database, clustered, so any
 * number of nodes on one PostgreSQL run each firing exactly once and take over from a node that died.
 *
 * <p>Jobs and triggers, all keyed by schedule name:
 * <ul>
 *   <li>{@value #SCHEDULE_GROUP}: the job that runs a schedule's experiment;</li>
 *   <li>{@value #CRON_GROUP}: a cron schedule's trigger;</li>
 *   <li>{@value #PLAN_GROUP}: a Chaos Monkey schedule's daily planning job and trigger (00:00:30 in its zone);</li>
 *   <li>{@value #MONKEY_GROUP}: the one-shot trigger of a planned kill, named {@code schedule@date} so planning a
 *       day twice (two nodes, a restart) plans it once.</li>
 * </ul>
 * Every firing trigger does nothing on misfire; {@link MisfireRecorder} records the miss instead.
 */
public final class SchedulerNode implements AutoCloseable {

    public static final String SCHEDULE_GROUP = "andon.schedule";
    public static final String CRON_GROUP = "andon.cron";
    public static final String PLAN_GROUP = "andon.plan";
    public static final String MONKEY_GROUP = "andon.monkey";
    private static final String DEFINITION = "definition";

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerNode.class);

    private final Scheduler scheduler;
    private final SchedulerNodeConfig config;
    private final ChaosMonkeyPlanner planner;
    private final Clock clock;
    private final String dataSourceName;
    private final Map<String, Schedule> schedules = new ConcurrentHashMap<>();

    private SchedulerNode(Scheduler scheduler, SchedulerNodeConfig config, Clock clock, String dataSourceName) {
        this.scheduler = scheduler;
        this.config = config;
        this.planner = new ChaosMonkeyPlanner(config.planSeed());
        this.clock = clock;
        this.dataSourceName = dataSourceName;
    }

    /**
     * Creates the node in standby: nothing fires until {@link #start()}. The database must hold Quartz's tables
     * (the store's migrations create them).
     *
     * @param postgres whether the database is PostgreSQL (else H2)
     */
    public static SchedulerNode create(DataSource dataSource, boolean postgres, SchedulerNodeConfig config, FiringHandler handler, Clock clock) {
        String schedulerName = config.clusterName() + "-" + config.nodeId();
        String dataSourceName = "andon-ds-" + config.nodeId();
        // Quartz finds connection providers by name in its process-wide manager; the name is unique per node.
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new DataSourceConnectionProvider(dataSource));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", schedulerName);
        p.setProperty("org.quartz.scheduler.instanceId", config.nodeId());
        p.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(config.idleWait().toMillis()));
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(config.threads()));
        // Acquire up to one trigger per worker per trip to the database: with thousands of schedules due in the same
        // second, one-at-a-time acquisition (Quartz's default) makes firings queue behind the lock.
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(config.threads()));
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.threadPool.threadNamePrefix", schedulerName + "-worker");
        p.setProperty("org.quartz.jobStore.class", ClusterJobStore.class.getName());
        p.setProperty("org.quartz.jobStore.clusterName", config.clusterName());
        p.setProperty("org.quartz.jobStore.driverDelegateClass", postgres
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(config.clusterCheckin().toMillis()));
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(config.misfireThreshold().toMillis()));
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        try {
            Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
            SchedulerNode node = new SchedulerNode(scheduler, config, clock, dataSourceName);
            scheduler.setJobFactory(new AndonJobFactory(handler, node::planToday));
            scheduler.getListenerManager().addTriggerListener(new MisfireRecorder(handler));
            return node;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create scheduler node " + config.nodeId() + ": " + e.getMessage(), e);
        }
    }

    public SchedulerNodeConfig config() {
        return config;
    }

    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start scheduler node " + config.nodeId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the job store match these schedules: new ones are added, changed ones replaced, ones no longer given
     * removed. A schedule whose definition did not change keeps its triggers (and next fire times). Chaos Monkey
     * schedules plan today at once.
     */
    public synchronized void sync(Collection<Schedule> wanted) throws SchedulerException {
        Set<String> names = new HashSet<>();
        for (Schedule schedule : wanted) {
            names.add(schedule.name());
            schedules.put(schedule.name(), schedule);
            register(schedule);
        }
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(SCHEDULE_GROUP))) {
            if (!names.contains(key.getName())) {
                LOG.info("schedule {} removed: deleting its triggers", key.getName());
                scheduler.deleteJob(key);
                scheduler.deleteJob(JobKey.jobKey(key.getName(), PLAN_GROUP));
                schedules.remove(key.getName());
            }
        }
    }

    private void register(Schedule schedule) throws SchedulerException {
        String name = schedule.name();
        String definition = definition(schedule);
        JobKey jobKey = JobKey.jobKey(name, SCHEDULE_GROUP);
        JobDetail existing = scheduler.getJobDetail(jobKey);
        if (existing != null && definition.equals(existing.getJobDataMap().getString(DEFINITION))) {
            if (schedule.cadence() instanceof Cadence.ChaosMonkey) {
                planToday(name);
            }
            return;
        }
        LOG.info("schedule {} {}: {}", name, existing == null ? "added" : "changed", definition);
        scheduler.deleteJob(jobKey);
        scheduler.deleteJob(JobKey.jobKey(name, PLAN_GROUP));
        JobDetail job = JobBuilder.newJob(FireScheduleJob.class).withIdentity(jobKey).storeDurably()
                .usingJobData(DEFINITION, definition).withDescription(schedule.source().toString()).build();
        if (schedule.cadence() instanceof Cadence.Cron cron) {
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name, CRON_GROUP).forJob(job)
                    .withSchedule(CronScheduleBuilder.cronSchedule(cron.expression()).inTimeZone(TimeZone.getTimeZone(cron.zone()))
                            .withMisfireHandlingInstructionDoNothing())
                    .build();
            scheduleIgnoringRace(job, trigger);
        } else {
            addIgnoringRace(job);
            KillWindow window = schedule.window().orElseThrow();
            JobDetail plan = JobBuilder.newJob(PlanDayJob.class).withIdentity(name, PLAN_GROUP).storeDurably().build();
            Trigger daily = TriggerBuilder.newTrigger().withIdentity(name, PLAN_GROUP).forJob(plan)
                    .withSchedule(CronScheduleBuilder.cronSchedule("30 0 0 * * ?").inTimeZone(TimeZone.getTimeZone(window.zone()))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            scheduleIgnoringRace(plan, daily);
            planToday(name);
        }
    }

    /** Plans today's kill of a Chaos Monkey schedule, once per day cluster-wide; a time already past is not planned. */
    void planToday(String name) throws SchedulerException {
        Schedule schedule = schedules.get(name);
        if (schedule == null || schedule.window().isEmpty()) {
            return;
        }
        LocalDate today = clock.instant().atZone(schedule.window().get().zone()).toLocalDate();
        List<PlannedKill> kills = planner.plan(today, List.of(schedule));
        for (PlannedKill kill : kills) {
            if (!kill.at().isAfter(clock.instant())) {
                LOG.info("schedule {}: today's kill at {} is already past, not planned", name, kill.at());
                continue;
            }
            TriggerKey key = TriggerKey.triggerKey(name + "@" + today, MONKEY_GROUP);
            if (scheduler.checkExists(key)) {
                continue;
            }
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(name, SCHEDULE_GROUP)
                    .startAt(Date.from(kill.at()))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            try {
                scheduler.scheduleJob(trigger);
                LOG.info("schedule {}: kill planned at {}", name, kill.at());
            } catch (ObjectAlreadyExistsException e) {
                // Another node planned the same day first: the same plan, nothing to do.
            }
        }
    }

    private void scheduleIgnoringRace(JobDetail job, Trigger trigger) throws SchedulerException {
        try {
            scheduler.scheduleJob(job, Set.of(trigger), true);
        } catch (ObjectAlreadyExistsException e) {
            // Another node registered it at the same moment.
        }
    }

    private void addIgnoringRace(JobDetail job) throws SchedulerException {
        scheduler.addJob(job, true);
    }

    /** What identifies a schedule's triggers: when it changes, the triggers are rebuilt. */
    static String definition(Schedule schedule) {
        if (schedule.cadence() instanceof Cadence.Cron cron) {
            return "cron " + cron.expression() + " " + cron.zone().getId();
        }
        Cadence.ChaosMonkey monkey = (Cadence.ChaosMonkey) schedule.cadence();
        KillWindow w = schedule.window().orElseThrow();
        return "chaos-monkey mean " + monkey.meanWorkdaysBetweenKills() + " window " + new java.util.TreeSet<>(w.days()) + " " + w.describe();
    }

    /** The next time each schedule fires, as the job store holds it (any node's view is the cluster's). */
    public Map<String, Optional<Instant>> nextFireTimes() throws SchedulerException {
        Map<String, Optional<Instant>> next = new LinkedHashMap<>();
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(SCHEDULE_GROUP))) {
            next.put(key.getName(), scheduler.getTriggersOfJob(key).stream().map(Trigger::getNextFireTime).filter(Objects::nonNull)
                    .map(Date::toInstant).min(Instant::compareTo));
        }
        return next;
    }

    /** The kills planned for a Chaos Monkey schedule and not yet fired, in time order. */
    public List<Instant> plannedKills(String schedule) throws SchedulerException {
        return scheduler.getTriggersOfJob(JobKey.jobKey(schedule, SCHEDULE_GROUP)).stream()
                .filter(t -> MONKEY_GROUP.equals(t.getKey().getGroup())).map(Trigger::getNextFireTime).filter(Objects::nonNull)
                .map(Date::toInstant).sorted().toList();
    }

    /** When the daily plan of a Chaos Monkey schedule runs next, if it has one. */
    public Optional<Instant> nextPlan(String schedule) throws SchedulerException {
        Trigger t = scheduler.getTrigger(TriggerKey.triggerKey(schedule, PLAN_GROUP));
        return Optional.ofNullable(t).map(Trigger::getNextFireTime).map(Date::toInstant);
    }

    public boolean isStarted() throws SchedulerException {
        return scheduler.isStarted() && !scheduler.isShutdown();
    }

    /** Stops firing; waits for runs in progress so their rollbacks finish. */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("scheduler node {} did not shut down cleanly: {}", config.nodeId(), e.toString());
        }
        LOG.info("scheduler node {} stopped (data source {})", config.nodeId(), dataSourceName);
    }
}
