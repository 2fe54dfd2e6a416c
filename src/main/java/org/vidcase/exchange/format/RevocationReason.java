package org.vidcase.exchange.format;

/** Why a node withdraws an entry or a package. Codes only: the node's own reasoning stays at the node. */
public enum RevocationReason {
    /** The category sent was wrong. */
    WRONG_CATEGORY,
    /** The file was released (e.g. found not to be abuse material, or cleared by a court). */
    RELEASED,
    /** Sent by mistake. */
    SENT_IN_ERROR
}
