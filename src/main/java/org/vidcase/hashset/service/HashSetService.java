package org.vidcase.hashset.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.hashset.api.CreateHashSetRequest;
import org.vidcase.hashset.api.HashSetView;
import org.vidcase.hashset.api.SetActiveRequest;
import org.vidcase.hashset.domain.ImportState;
import org.vidcase.hashset.domain.ReferenceHashSet;
import org.vidcase.hashset.domain.ReferenceHashSetRepository;
import org.vidcase.matching.HashSetSource;
import org.vidcase.matching.KnownHashIndex;
import org.vidcase.shared.category.CategoryConfig;
import org.vidcase.shared.category.CategoryScheme;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.security.CurrentUser;

/** The unit's reference hash sets: managed by supervisors, visible to officers; all audited. */
@ApplicationScoped
public class HashSetService {

    private final ReferenceHashSetRepository sets;
    private final CategoryScheme scheme;
    private final CategoryConfig schemes;
    private final CurrentUser user;
    private final RematchService rematch;
    private final Event<KnownHashIndex.SetActivationChanged> activation;

    public HashSetService(ReferenceHashSetRepository sets, CategoryScheme scheme, CategoryConfig schemes,
                          CurrentUser user, RematchService rematch, Event<KnownHashIndex.SetActivationChanged> activation) {
        this.rematch = rematch;
        this.activation = activation;
        this.sets = sets;
        this.scheme = scheme;
        this.schemes = schemes;
        this.user = user;
    }

    @Audited(AuditAction.HASHSET_CREATE)
    public HashSetView create(@Valid @NotNull CreateHashSetRequest request) {
        if (sets.exists(request.name(), request.version())) {
            throw new ConflictException("Hash set " + request.name() + " version " + request.version() + " exists already");
        }
        if (request.source() == HashSetSource.HUB) {
            throw new RuleViolationException("A HUB set is the subscription to the exchange hub: it is created by "
                    + "subscribing (POST /api/exchange/subscription), not registered");
        }
        if (request.categoryScheme() != null && !schemes.profiles().containsKey(request.categoryScheme())) {
            throw new RuleViolationException("Unknown category scheme " + request.categoryScheme() + "; known: "
                    + schemes.profiles().keySet());
        }
        String schemeName = request.categoryScheme() == null ? scheme.profile() : request.categoryScheme();
        if (request.defaultCategory() != null
                && !schemes.profiles().get(schemeName).codes().containsKey(request.defaultCategory())) {
            throw new RuleViolationException("Default category " + request.defaultCategory() + " is not in the "
                    + schemeName + " scheme; known: " + schemes.profiles().get(schemeName).codes().keySet());
        }
        ReferenceHashSet s = new ReferenceHashSet();
        s.id = UUID.randomUUID();
        s.name = request.name().strip();
        s.source = request.source();
        s.setVersion = request.version().strip();
        s.kind = request.kind();
        s.categoryScheme = schemeName;
        s.defaultCategory = request.defaultCategory();
        s.description = request.description();
        // A set matches nothing until its entries are imported and a supervisor activates it.
        s.active = false;
        s.createdBy = user.name();
        s.createdAt = Instant.now();
        s.updatedBy = s.createdBy;
        s.updatedAt = s.createdAt;
        sets.persist(s);
        return HashSetView.of(s);
    }

    @Audited(AuditAction.HASHSET_LIST)
    public List<HashSetView> list() {
        return sets.all().stream().map(HashSetView::of).toList();
    }

    @Audited(AuditAction.HASHSET_VIEW)
    public HashSetView get(@AuditObject UUID id) {
        return HashSetView.of(find(id));
    }

    @Audited(AuditAction.HASHSET_ACTIVATE)
    public HashSetView setActive(@AuditObject UUID id, @Valid @NotNull SetActiveRequest request) {
        ReferenceHashSet s = find(id);
        boolean changed = s.active != request.active();
        s.active = request.active();
        s.updatedBy = user.name();
        s.updatedAt = Instant.now();
        if (changed) {
            // The indexes follow after commit; if the set's entries are there, existing media are
            // matched against it again (or decided again without it) by a job queued in this transaction.
            activation.fire(new KnownHashIndex.SetActivationChanged(s.indexId, s.active));
            if (s.importState == ImportState.IMPORTED) {
                rematch.submit(s.id, user.name(), s.active ? RematchParameters.Reason.ACTIVATED
                        : RematchParameters.Reason.DEACTIVATED);
            }
        }
        return HashSetView.of(s);
    }

    private ReferenceHashSet find(UUID id) {
        return sets.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Hash set", id));
    }
}
