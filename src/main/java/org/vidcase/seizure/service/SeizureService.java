package org.vidcase.seizure.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.seizure.api.AppendCustodyRequest;
import org.vidcase.seizure.api.CreateSeizureRequest;
import org.vidcase.seizure.api.CustodyEntryView;
import org.vidcase.seizure.api.SeizureView;
import org.vidcase.seizure.domain.CustodyEntry;
import org.vidcase.seizure.domain.CustodyEntryRepository;
import org.vidcase.seizure.domain.Seizure;
import org.vidcase.seizure.domain.SeizureRepository;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.security.CurrentUser;

/** Exhibits of a case and their chain of custody, behind the case's need-to-know. */
@ApplicationScoped
public class SeizureService {

    private final SeizureRepository seizures;
    private final CustodyEntryRepository custody;
    private final CaseAccess access;
    private final CurrentUser user;

    public SeizureService(SeizureRepository seizures, CustodyEntryRepository custody, CaseAccess access, CurrentUser user) {
        this.seizures = seizures;
        this.custody = custody;
        this.access = access;
        this.user = user;
    }

    @Audited(AuditAction.SEIZURE_CREATE)
    public SeizureView create(@AuditCase UUID caseId, @Valid @NotNull CreateSeizureRequest request) {
        access.workable(caseId);
        if (seizures.referenceTaken(caseId, request.reference())) {
            throw new ConflictException("The case already has an exhibit " + request.reference());
        }
        Seizure s = new Seizure();
        s.id = UUID.randomUUID();
        s.caseId = caseId;
        s.reference = request.reference().strip();
        s.deviceDescription = request.deviceDescription();
        s.seizedAt = request.seizedAt();
        s.seizedBy = request.seizedBy();
        s.forensicTool = request.forensicTool();
        s.createdBy = user.name();
        s.createdAt = Instant.now();
        seizures.persist(s);
        return SeizureView.of(s);
    }

    @Audited(AuditAction.SEIZURE_LIST)
    public List<SeizureView> list(@AuditCase UUID caseId) {
        access.readable(caseId);
        return seizures.ofCase(caseId).stream().map(SeizureView::of).toList();
    }

    @Audited(AuditAction.SEIZURE_VIEW)
    public SeizureView get(@AuditCase UUID caseId, @AuditObject UUID seizureId) {
        return SeizureView.of(readable(caseId, seizureId));
    }

    @Audited(AuditAction.CUSTODY_APPEND)
    public CustodyEntryView appendCustody(@AuditCase UUID caseId, @AuditObject UUID seizureId,
                                          @Valid @NotNull AppendCustodyRequest request) {
        Seizure s = workable(caseId, seizureId);
        // Serialises appends per exhibit so that sequence numbers stay gapless and unique.
        seizures.getEntityManager().lock(s, LockModeType.PESSIMISTIC_WRITE);
        CustodyEntry e = new CustodyEntry();
        e.id = UUID.randomUUID();
        e.seizureId = s.id;
        e.seq = custody.nextSeq(s.id);
        e.occurredAt = request.occurredAt();
        e.fromParty = request.from();
        e.toParty = request.to();
        e.purpose = request.purpose();
        e.recordedBy = user.name();
        e.recordedAt = Instant.now();
        custody.persist(e);
        return CustodyEntryView.of(e);
    }

    @Audited(AuditAction.CUSTODY_VIEW)
    public List<CustodyEntryView> custody(@AuditCase UUID caseId, @AuditObject UUID seizureId) {
        return custody.ofSeizure(readable(caseId, seizureId).id).stream().map(CustodyEntryView::of).toList();
    }

    /** The seizure, if the caller may know of its case. */
    public Seizure readable(UUID caseId, UUID seizureId) {
        access.readable(caseId);
        return seizures.inCase(caseId, seizureId).orElseThrow(() -> new ResourceNotFoundException("Seizure", seizureId));
    }

    /** The seizure, if the caller may add to its (open) case. */
    public Seizure workable(UUID caseId, UUID seizureId) {
        access.workable(caseId);
        return seizures.inCase(caseId, seizureId).orElseThrow(() -> new ResourceNotFoundException("Seizure", seizureId));
    }
}
