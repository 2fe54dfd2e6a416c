package org.vidcase.audit.service;

import java.util.UUID;

/** Implemented by results of audited calls that create or return one identifiable object. */
public interface AuditSubject {
    String auditObjectId();

    UUID auditCaseId();
}
