package org.vidcase.audit.service;

import io.quarkus.security.ForbiddenException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.validation.ConstraintViolationException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.shared.error.DomainException;
import org.vidcase.shared.request.RequestInfo;
import org.vidcase.shared.security.CurrentUser;

/**
 * Runs an {@link Audited} method in a transaction and appends its audit event to that same
 * transaction. It sits outside {@code @Transactional} so that, when it began the transaction and
 * the action fails, the failure is recorded after the rollback instead of vanishing with it.
 */
@Audited(AuditAction.CASE_VIEW)
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AuditInterceptor {

    private static final Logger LOG = Logger.getLogger(AuditInterceptor.class);

    @Inject
    AuditTrail trail;

    @Inject
    TransactionManager transactions;

    @Inject
    CurrentUser user;

    @Inject
    RequestInfo request;

    @AroundInvoke
    Object audit(InvocationContext ctx) throws Exception {
        AuditAction action = actionOf(ctx);
        CallFacts facts = CallFacts.of(ctx);
        boolean owner = transactions.getStatus() == Status.STATUS_NO_TRANSACTION;
        if (owner) {
            transactions.begin();
        }
        Object result;
        AuditDetails.open();
        boolean detailsOpen = true;
        try {
            result = ctx.proceed();
            if (result instanceof AuditSubject subject) {
                facts = facts.with(subject);
            }
            String detail = AuditDetails.close();
            detailsOpen = false;
            trail.append(entry(action, facts, AuditOutcome.SUCCESS, detail));
            if (owner) {
                transactions.commit();
            }
            return result;
        } catch (Throwable failure) {
            if (detailsOpen) {
                AuditDetails.close();
            }
            AuditEntry entry = entry(action, facts, AuditOutcomes.of(failure), detailOf(failure));
            try {
                if (owner) {
                    rollbackQuietly();
                    trail.appendSeparately(entry);
                } else if (transactions.getStatus() == Status.STATUS_ACTIVE) {
                    trail.append(entry);
                }
            } catch (RuntimeException auditFailure) {
                // The caller must still see the original failure; the lost event is logged loudly.
                failure.addSuppressed(auditFailure);
                LOG.errorf(auditFailure, "Could not record the failed %s in the audit trail", action.code());
            }
            throw failure;
        }
    }

    private void rollbackQuietly() {
        try {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.rollback();
            }
        } catch (Exception ignored) {
            // The transaction manager already discarded it (e.g. a failed commit).
        }
    }

    private AuditEntry entry(AuditAction action, CallFacts facts, AuditOutcome outcome, String detail) {
        return AuditEntry.of(user.name(), action, facts.objectId(), facts.caseId(), outcome, facts.justification(),
                request.requestId(), detail);
    }

    private static AuditAction actionOf(InvocationContext ctx) {
        Audited audited = ctx.getMethod().getAnnotation(Audited.class);
        if (audited == null) {
            audited = ctx.getMethod().getDeclaringClass().getAnnotation(Audited.class);
        }
        if (audited == null) {
            for (Annotation binding : ctx.getInterceptorBindings()) {
                if (binding instanceof Audited a) {
                    audited = a;
                }
            }
        }
        return audited.value();
    }

    private static String detailOf(Throwable failure) {
        if (failure instanceof DomainException || failure instanceof IllegalArgumentException) {
            return failure.getMessage();
        }
        if (failure instanceof ConstraintViolationException) {
            return "invalid input";
        }
        if (failure instanceof ForbiddenException) {
            return "not permitted for the caller's case role";
        }
        return "unexpected error: " + failure.getClass().getSimpleName();
    }

    /** What the annotated parameters and the result say about the call. */
    record CallFacts(String objectId, UUID caseId, String justification) {

        static CallFacts of(InvocationContext ctx) {
            String objectId = null;
            UUID caseId = null;
            String justification = null;
            Parameter[] parameters = ctx.getMethod().getParameters();
            Object[] values = ctx.getParameters();
            for (int i = 0; i < parameters.length; i++) {
                Object value = values[i];
                if (parameters[i].isAnnotationPresent(AuditCase.class) && value instanceof UUID id) {
                    caseId = id;
                }
                if (parameters[i].isAnnotationPresent(AuditObject.class) && value != null) {
                    objectId = value.toString();
                }
                if (parameters[i].isAnnotationPresent(AuditJustification.class) && value != null) {
                    justification = value.toString();
                }
            }
            if (objectId == null && caseId != null) {
                objectId = caseId.toString();
            }
            return new CallFacts(objectId, caseId, justification);
        }

        CallFacts with(AuditSubject subject) {
            return new CallFacts(subject.auditObjectId() != null ? subject.auditObjectId() : objectId,
                    subject.auditCaseId() != null ? subject.auditCaseId() : caseId, justification);
        }
    }
}
