package dev.andon.core.scheduler.quartz;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** Chaos Monkey mode's daily plan of one schedule, shortly after midnight in its window's zone. */
public final class PlanDayJob implements Job {

    /** Plans the schedule's kill of the day the trigger fired on, if it is picked. */
    @FunctionalInterface
    interface DayPlanning {
        void planToday(String schedule) throws Exception;
    }

    private final DayPlanning planning;

    PlanDayJob(DayPlanning planning) {
        this.planning = planning;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            planning.planToday(context.getJobDetail().getKey().getName());
        } catch (Exception e) {
            throw new JobExecutionException("cannot plan today's kill of schedule " + context.getJobDetail().getKey().getName(), e);
        }
    }
}
