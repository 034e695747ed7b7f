package dev.andon.core.scheduler.quartz;

import dev.andon.core.scheduler.FiringHandler;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A schedule's firing: hands it to the {@link FiringHandler}. One run of a schedule at a time, cluster-wide. */
@DisallowConcurrentExecution
public final class FireScheduleJob implements Job {

    private final FiringHandler handler;

    FireScheduleJob(FiringHandler handler) {
        this.handler = handler;
    }

    @Override
    public void execute(JobExecutionContext context) {
        handler.fired(context.getJobDetail().getKey().getName(), context.getScheduledFireTime().toInstant());
    }
}
