package org.vidcase.audit.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.vidcase.audit.domain.AuditOutcome;

/**
 * The hash of an audit row: SHA-256 over a length-prefixed encoding of every field and the
 * previous row's hash, so that no two different rows encode alike and a change anywhere
 * breaks the chain from that row on.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(long seq, UUID id, Instant occurredAt, String actor, String action, String objectType,
                              String objectId, UUID caseId, AuditOutcome outcome, String justification,
                              String requestId, String detail, String prevHash) {
        return hash(seq, id, occurredAt, actor, action, objectType, objectId, caseId, outcome, justification, requestId,
                detail, null, null, prevHash);
    }

    /**
     * With the login fields (V6). They enter the encoding only when one is set, so rows written
     * before they existed, and rows without a login (jobs, start-up), keep the hash they had.
     */
    public static String hash(long seq, UUID id, Instant occurredAt, String actor, String action, String objectType,
                              String objectId, UUID caseId, AuditOutcome outcome, String justification,
                              String requestId, String detail, String sessionId, String authentication,
                              String prevHash) {
        StringBuilder text = new StringBuilder(256);
        field(text, Long.toString(seq));
        field(text, id.toString());
        field(text, occurredAt.toString());
        field(text, actor);
        field(text, action);
        field(text, objectType);
        field(text, objectId);
        field(text, caseId == null ? null : caseId.toString());
        field(text, outcome.name());
        field(text, justification);
        field(text, requestId);
        field(text, detail);
        if (sessionId != null || authentication != null) {
            text.append("login|");
            field(text, sessionId);
            field(text, authentication);
        }
        field(text, prevHash);
        return sha256(text.toString());
    }

    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append("-1:");
        } else {
            text.append(value.length()).append(':').append(value);
        }
        text.append('|');
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
