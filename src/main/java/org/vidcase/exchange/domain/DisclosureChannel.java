package org.vidcase.exchange.domain;

/** How a package left the node. */
public enum DisclosureChannel {
    /** Sent to the hub over HTTP as the node's service account. */
    HUB,
    /** Written to a file (the signed JWS) for a hub or partner reached by other means. */
    FILE,
    /** Written as an ICSE hash-set CSV. */
    ICSE_CSV
}
