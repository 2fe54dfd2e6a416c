package org.vidcase.exchange.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Pulls the hub subscription every {@code vidcase.exchange.hub.pull-every}, one pull at a time across replicas. */
@ApplicationScoped
public class HubPullSchedule {

    private static final Logger LOG = Logger.getLogger(HubPullSchedule.class);

    private final SubscriptionService subscription;

    public HubPullSchedule(SubscriptionService subscription) {
        this.subscription = subscription;
    }

    @Scheduled(every = "${vidcase.exchange.hub.pull-every}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pull() {
        try {
            subscription.pullOnSchedule().ifPresent(job -> LOG.debugf("Hub pull queued as job %s", job));
        } catch (RuntimeException e) {
            LOG.warnf("Queueing the hub pull failed, the next round retries: %s", e.getMessage());
        }
    }
}
