package org.vidcase.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditEntry;
import org.vidcase.audit.service.AuditTrail;
import org.vidcase.cases.domain.CaseMember;
import org.vidcase.cases.domain.CaseMemberRepository;
import org.vidcase.cases.domain.CaseRepository;
import org.vidcase.cases.domain.CaseRole;
import org.vidcase.cases.domain.CaseStatus;
import org.vidcase.cases.domain.VidCase;

/**
 * Seeds a small, wholly synthetic demo dataset for the demo users of keycloak-realm/vid-realm.json.
 * Only when {@code vidcase.demo.seed=true} (the dev profile), and only into an empty database.
 */
@ApplicationScoped
public class DemoDataSeeder {

    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class);
    static final String ACTOR = "system:demo-seed";

    private final CaseRepository cases;
    private final CaseMemberRepository members;
    private final AuditTrail trail;
    private final boolean enabled;

    public DemoDataSeeder(CaseRepository cases, CaseMemberRepository members, AuditTrail trail,
                          @ConfigProperty(name = "vidcase.demo.seed") boolean enabled) {
        this.cases = cases;
        this.members = members;
        this.trail = trail;
        this.enabled = enabled;
    }

    void seed(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (cases.count() > 0) {
                LOG.info("Demo data already present");
                return;
            }
            demoCase("DEMO-2026-001", "Operation Lighthouse",
                    "Synthetic demo case: seized laptop and phone, triage under way.",
                    Map.of("officer", CaseRole.LEAD, "investigator", CaseRole.MEMBER, "liaison", CaseRole.OBSERVER));
            demoCase("DEMO-2026-002", "Operation Harbour",
                    "Synthetic demo case owned by another team: the demo officer cannot see it.",
                    Map.of("officer2", CaseRole.LEAD, "supervisor", CaseRole.MEMBER));
            LOG.info("Seeded the demo cases DEMO-2026-001 and DEMO-2026-002");
        });
    }

    private void demoCase(String reference, String title, String description, Map<String, CaseRole> team) {
        VidCase c = new VidCase();
        c.id = UUID.randomUUID();
        c.reference = reference;
        c.title = title;
        c.description = description;
        c.status = CaseStatus.OPEN;
        c.createdBy = ACTOR;
        c.createdAt = Instant.now();
        cases.persist(c);
        team.forEach((username, role) -> {
            CaseMember m = new CaseMember();
            m.id = UUID.randomUUID();
            m.caseId = c.id;
            m.username = username;
            m.role = role;
            m.addedBy = ACTOR;
            m.addedAt = Instant.now();
            members.persist(m);
        });
        trail.append(AuditEntry.of(ACTOR, AuditAction.DEMO_SEED, c.id.toString(), c.id, AuditOutcome.SUCCESS, null,
                null, "demo case " + reference + " with team " + team.keySet()));
    }
}
