package org.vidcase.audit.service;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records the call in the audit trail, in the same transaction as its effect. The method runs in
 * a transaction (joined or begun here); failures are recorded after their rollback. Parameters
 * marked {@link AuditCase}, {@link AuditObject} and {@link AuditJustification} fill the event;
 * a result implementing {@link AuditSubject} names the object it created.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {
    @Nonbinding
    AuditAction value();
}
