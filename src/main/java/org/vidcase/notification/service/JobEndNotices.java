package org.vidcase.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import org.vidcase.jobs.domain.JobState;
import org.vidcase.jobs.service.JobService.JobEnded;

/**
 * Tells a job's owner in their inbox that it ended (kind {@code job-ended}), in the transaction
 * that records the end: an import that finished while the officer triaged something else is not
 * missed.
 */
@ApplicationScoped
public class JobEndNotices {

    private static final int MAX_MESSAGE = 1000;

    private final Notifications notifications;

    public JobEndNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    void ended(@Observes JobEnded job) {
        String what = job.type().replace('-', ' ');
        String outcome = job.state().name().toLowerCase(Locale.ROOT);
        String message = job.message() == null || job.message().length() <= MAX_MESSAGE ? job.message()
                : job.message().substring(0, MAX_MESSAGE) + "…";
        String body = job.state() == JobState.SUCCEEDED || message == null ? "Job " + job.jobId()
                : "Job " + job.jobId() + ": " + message;
        notifications.tell(List.of(job.owner()), "job-ended", "Your " + what + " " + outcome, body, job.caseId());
    }
}
