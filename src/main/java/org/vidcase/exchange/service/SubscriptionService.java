package org.vidcase.exchange.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.Audited;
import org.vidcase.exchange.api.SubscriptionView;
import org.vidcase.exchange.format.InternationalCategories;
import org.vidcase.hashset.domain.ImportState;
import org.vidcase.hashset.domain.ReferenceHashSet;
import org.vidcase.hashset.domain.ReferenceHashSetRepository;
import org.vidcase.jobs.domain.Job;
import org.vidcase.jobs.service.JobService;
import org.vidcase.matching.HashSetKind;
import org.vidcase.matching.HashSetSource;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.security.CurrentUser;

/**
 * The node's subscription to the hub: a hash set of source HUB (alert, the international codes,
 * which are the VICS ones) that pulls keep current entry by entry, and the pulls themselves: on
 * request, and every {@code vidcase.exchange.hub.pull-every}, one at a time across replicas.
 */
@ApplicationScoped
public class SubscriptionService {

    /** Whoever pulls on schedule. */
    public static final String SCHEDULE = "vidcase (hub subscription)";
    /** The international codes are the VICS codes 1 to 3, so the set's categories are the vics scheme's. */
    static final String SCHEME = "vics";

    private final ExchangeSettings settings;
    private final ReferenceHashSetRepository sets;
    private final JobService jobs;
    private final EntityManager em;
    private final CurrentUser user;
    private final ObjectMapper json;

    public SubscriptionService(ExchangeSettings settings, ReferenceHashSetRepository sets, JobService jobs,
                               EntityManager em, CurrentUser user, ObjectMapper json) {
        this.settings = settings;
        this.sets = sets;
        this.jobs = jobs;
        this.em = em;
        this.user = user;
        this.json = json;
    }

    @Audited(AuditAction.EXCHANGE_SUBSCRIBE)
    public SubscriptionView subscribe() {
        settings.requireNode("The hub subscription");
        String hub = settings.hubUrl();
        settings.config().hub().clientId().orElseThrow(() -> new ConflictException(
                "This node has no client at the hub configured (vidcase.exchange.hub.client-id and client-secret)"));
        lockSubscription();
        if (subscriptionSet().isPresent()) {
            throw new ConflictException("This node already subscribes to the hub");
        }
        ReferenceHashSet s = new ReferenceHashSet();
        s.id = UUID.randomUUID();
        s.name = "Exchange hub";
        s.source = HashSetSource.HUB;
        s.setVersion = "subscription";
        s.kind = HashSetKind.ALERT;
        s.categoryScheme = SCHEME;
        s.description = "Entries of the international exchange hub at " + hub + ", kept current by pulls (categories: "
                + InternationalCategories.codes() + ")";
        s.importState = ImportState.IMPORTED;
        s.active = true;
        s.importedAt = Instant.now();
        s.createdBy = user.name();
        s.createdAt = s.importedAt;
        s.updatedBy = s.createdBy;
        s.updatedAt = s.createdAt;
        sets.persist(s);
        sets.flush();
        em.createNativeQuery("""
                        INSERT INTO exchange_subscription (hash_set_id, hub_url, created_by, created_at)
                        VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, s.id).setParameter(2, hub).setParameter(3, user.name())
                .setParameter(4, Timestamp.from(s.createdAt)).executeUpdate();
        Job job = submitPull(s, user.name());
        AuditDetails.record("subscribed to the hub " + hub + " as hash set " + s.id + "; first pull job " + job.id);
        return view(s, job.id);
    }

    @Audited(AuditAction.EXCHANGE_SUBSCRIPTION_VIEW)
    public SubscriptionView view() {
        settings.requireNode("The hub subscription");
        ReferenceHashSet s = subscriptionSet().orElseThrow(() -> new ResourceNotFoundException("Subscription",
                "to the hub (subscribe first)"));
        return view(s, s.lastJobId);
    }

    /** Queues a pull now, or returns the one queued or running. */
    @Audited(AuditAction.EXCHANGE_PULL)
    public Job pullNow() {
        settings.requireNode("The hub subscription");
        ReferenceHashSet s = subscriptionSet().orElseThrow(() -> new ResourceNotFoundException("Subscription",
                "to the hub (subscribe first)"));
        lockSubscription();
        Job job = unfinishedPull().orElseGet(() -> submitPull(s, user.name()));
        AuditDetails.record("pull from the hub requested; job " + job.id);
        return job;
    }

    /** For the schedule: queues a pull unless one is queued or running (on any replica). */
    public Optional<UUID> pullOnSchedule() {
        if (settings.mode() != ExchangeConfig.Mode.NODE) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<ReferenceHashSet> s = subscriptionSet();
            if (s.isEmpty() || !s.get().active) {
                return Optional.empty();
            }
            lockSubscription();
            if (unfinishedPull().isPresent()) {
                return Optional.empty();
            }
            return Optional.of(submitPull(s.get(), SCHEDULE).id);
        });
    }

    public Optional<ReferenceHashSet> subscriptionSet() {
        return sets.find("source", HashSetSource.HUB).firstResultOptional();
    }

    private Job submitPull(ReferenceHashSet s, String owner) {
        try {
            Job job = jobs.submit(HubPullJob.TYPE, null, owner,
                    json.writeValueAsString(new HubPullJob.Parameters(s.id, s.indexId)));
            s.lastJobId = job.id;
            return job;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Job> unfinishedPull() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id FROM job WHERE type = ?1 AND state IN ('QUEUED', 'RUNNING') "
                + "ORDER BY created_at LIMIT 1", UUID.class).setParameter(1, HubPullJob.TYPE).getResultList();
        return ids.isEmpty() ? Optional.empty() : jobs.find(ids.get(0));
    }

    /** Serialises subscribing and queueing pulls across replicas, until the transaction ends. */
    private void lockSubscription() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended('vidcase-hub-subscription', 11))")
                .getSingleResult();
    }

    private SubscriptionView view(ReferenceHashSet s, UUID lastJob) {
        Object[] sub = (Object[]) em.createNativeQuery(
                        "SELECT hub_url, cursor, pulled_at, last_error FROM exchange_subscription WHERE hash_set_id = ?1")
                .setParameter(1, s.id).getSingleResult();
        Object[] counts = (Object[]) em.createNativeQuery("""
                        SELECT count(*), count(*) FILTER (WHERE x.trust = 'TRUSTED'), count(*) FILTER (WHERE x.trust = 'CONFLICT')
                        FROM hash_set_entry e JOIN subscription_entry x ON x.entry_id = e.id
                        WHERE e.hash_set_id = ?1 AND e.withdrawn_rev IS NULL""")
                .setParameter(1, s.id).getSingleResult();
        Number revision = (Number) em.createNativeQuery("SELECT revision FROM hash_set WHERE id = ?1")
                .setParameter(1, s.id).getSingleResult();
        return new SubscriptionView(s.id, (String) sub[0], s.active, (String) sub[1], Instants.of(sub[2]), (String) sub[3],
                ((Number) counts[0]).longValue(), ((Number) counts[1]).longValue(), ((Number) counts[2]).longValue(),
                revision.longValue(), lastJob);
    }

}
