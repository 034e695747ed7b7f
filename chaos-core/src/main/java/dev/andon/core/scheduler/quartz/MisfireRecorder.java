package dev.andon.core.scheduler.quartz;

import dev.andon.core.scheduler.FiringHandler;
import java.util.Date;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;

/**
 * Records firings missed while no node ran. Triggers are set to do nothing on misfire (no burst of late
 * runs); Quartz tells this listener, with the trigger as it was before it skipped ahead, so the missed time
 * is known.
 */
final class MisfireRecorder extends TriggerListenerSupport {

    private final FiringHandler handler;

    MisfireRecorder(FiringHandler handler) {
        this.handler = handler;
    }

    @Override
    public String getName() {
        return "andon-misfire-recorder";
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        String group = trigger.getKey().getGroup();
        if (!SchedulerNode.CRON_GROUP.equals(group) && !SchedulerNode.MONKEY_GROUP.equals(group)) {
            return;
        }
        Date missed = trigger.getNextFireTime();
        if (missed != null) {
            handler.missed(trigger.getJobKey().getName(), missed.toInstant());
        }
    }
}
