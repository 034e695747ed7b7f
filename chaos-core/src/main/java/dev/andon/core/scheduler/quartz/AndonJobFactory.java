package dev.andon.core.scheduler.quartz;

import dev.andon.core.scheduler.FiringHandler;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Builds the scheduler's jobs with their collaborators, instead of Quartz's no-argument reflection. */
final class AndonJobFactory implements JobFactory {

    private final FiringHandler handler;
    private final PlanDayJob.DayPlanning planning;

    AndonJobFactory(FiringHandler handler, PlanDayJob.DayPlanning planning) {
        this.handler = handler;
        this.planning = planning;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        if (type == FireScheduleJob.class) {
            return new FireScheduleJob(handler);
        }
        if (type == PlanDayJob.class) {
            return new PlanDayJob(planning);
        }
        throw new SchedulerException("unknown job class " + type.getName() + " in the job store; is an older Andon sharing the database?");
    }
}
