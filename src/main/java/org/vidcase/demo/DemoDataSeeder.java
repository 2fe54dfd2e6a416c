package org.vidcase.demo;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
import org.vidcase.media.service.MediaIngestService;
import org.vidcase.media.service.UploadedFile;
import org.vidcase.seizure.domain.CustodyEntry;
import org.vidcase.seizure.domain.CustodyEntryRepository;
import org.vidcase.seizure.domain.Seizure;
import org.vidcase.seizure.domain.SeizureRepository;
import org.vidcase.synthetic.SyntheticImages;

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
    private final SeizureRepository seizures;
    private final CustodyEntryRepository custody;
    private final MediaIngestService ingest;
    private final DemoHashSets hashSets;
    private final DemoLeads leads;
    private final boolean enabled;

    public DemoDataSeeder(CaseRepository cases, CaseMemberRepository members, AuditTrail trail,
                          SeizureRepository seizures, CustodyEntryRepository custody, MediaIngestService ingest,
                          DemoHashSets hashSets, DemoLeads leads, @ConfigProperty(name = "vidcase.demo.seed") boolean enabled) {
        this.hashSets = hashSets;
        this.leads = leads;
        this.cases = cases;
        this.members = members;
        this.trail = trail;
        this.seizures = seizures;
        this.custody = custody;
        this.ingest = ingest;
        this.enabled = enabled;
    }

    /** After the bucket exists (ObjectStorage observes start-up with the default priority). */
    void seed(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) throws IOException {
        if (!enabled) {
            return;
        }
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Seizure[] exhibits = QuarkusTransaction.requiringNew().call(() -> {
                if (cases.count() > 0) {
                    return null;
                }
                UUID lighthouse = demoCase("DEMO-2026-001", "Operation Lighthouse",
                        "Synthetic demo case: seized laptop and phone, triage under way.",
                        Map.of("officer", CaseRole.LEAD, "investigator", CaseRole.MEMBER, "liaison", CaseRole.OBSERVER));
                demoCase("DEMO-2026-002", "Operation Harbour",
                        "Synthetic demo case owned by another team: the demo officer cannot see it.",
                        Map.of("officer2", CaseRole.LEAD, "supervisor", CaseRole.MEMBER));
                return new Seizure[] {exhibit(lighthouse, "LAPTOP-01", "Synthetic laptop, 512 GB SSD"),
                        exhibit(lighthouse, "PHONE-01", "Synthetic smartphone")};
            });
            if (exhibits == null) {
                LOG.info("Demo data already present");
                return;
            }
            int files = seedMedia(exhibits[0], exhibits[1]);
            UUID lighthouse = exhibits[0].caseId;
            QuarkusTransaction.requiringNew().run(() -> leads.seed(lighthouse, ACTOR,
                    List.of("scene-3.png", "IMG_003.jpg", "shared-3.jpg")));
            LOG.infof("Seeded the demo cases DEMO-2026-001 and DEMO-2026-002 with %d synthetic files", files);
        } finally {
            requestContext.terminate();
        }
    }

    /**
     * Four synthetic scenes, each as an original PNG on the laptop and as resized and cropped JPEG
     * copies on the phone (the near duplicates that series detection groups), plus one file found on both.
     * The demo reference sets come first, so the files are matched as they are filed.
     */
    private int seedMedia(Seizure laptop, Seizure phone) throws IOException {
        byte[] shared = SyntheticImages.png(SyntheticImages.scene(0xD3A0, 320, 240));
        BufferedImage scene1 = SyntheticImages.scene(0xD3A0 + 1, 640, 480);
        hashSets.seed(ACTOR, SyntheticImages.png(scene1), DemoHashSets.pdq(scene1),
                SyntheticImages.png(SyntheticImages.scene(0xD3A0 + 2, 640, 480)), shared);
        int files = 0;
        for (int scene = 1; scene <= 4; scene++) {
            BufferedImage image = SyntheticImages.scene(0xD3A0 + scene, 640, 480);
            ingest.ingestAsSystem(ACTOR, laptop, new ByteArrayInputStream(SyntheticImages.png(image)),
                    new UploadedFile("scene-" + scene + ".png", "/Users/demo/Pictures", null, null, null));
            ingest.ingestAsSystem(ACTOR, phone, new ByteArrayInputStream(
                            SyntheticImages.jpeg(SyntheticImages.resized(image, 0.5), 0.8f)),
                    new UploadedFile("IMG_00" + scene + ".jpg", "/DCIM/Camera", null, null, null));
            ingest.ingestAsSystem(ACTOR, phone, new ByteArrayInputStream(
                            SyntheticImages.jpeg(SyntheticImages.cropped(image, 0.05), 0.9f)),
                    new UploadedFile("shared-" + scene + ".jpg", "/WhatsApp/Media", null, null, null));
            files += 3;
        }
        ingest.ingestAsSystem(ACTOR, laptop, new ByteArrayInputStream(shared),
                new UploadedFile("wallpaper.png", "/Users/demo/Desktop", null, null, null));
        ingest.ingestAsSystem(ACTOR, phone, new ByteArrayInputStream(shared),
                new UploadedFile("wallpaper.png", "/Download", null, null, null));
        return files + 2;
    }

    private Seizure exhibit(UUID caseId, String reference, String description) {
        Seizure s = new Seizure();
        s.id = UUID.randomUUID();
        s.caseId = caseId;
        s.reference = reference;
        s.deviceDescription = description;
        s.seizedAt = Instant.now().minus(2, ChronoUnit.DAYS);
        s.seizedBy = "Demo search team";
        s.forensicTool = "Synthetic imager 1.0";
        s.createdBy = ACTOR;
        s.createdAt = Instant.now();
        seizures.persist(s);
        CustodyEntry intake = new CustodyEntry();
        intake.id = UUID.randomUUID();
        intake.seizureId = s.id;
        intake.seq = 1;
        intake.occurredAt = s.seizedAt;
        intake.fromParty = "Demo search team";
        intake.toParty = "Evidence store";
        intake.purpose = "intake after search";
        intake.recordedBy = ACTOR;
        intake.recordedAt = Instant.now();
        custody.persist(intake);
        return s;
    }

    private UUID demoCase(String reference, String title, String description, Map<String, CaseRole> team) {
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
        return c.id;
    }
}
