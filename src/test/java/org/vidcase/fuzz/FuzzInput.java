package org.vidcase.fuzz;

/**
 * One input of the suite: its class, what it is in words, the request that carries it, and what
 * the answer must be beyond "no 5xx, refusals as problems": whether it may be accepted at all.
 */
record FuzzInput(InputClass inputClass, String description, HttpRequestSpec request, Expect expect) {

    enum Expect {
        /** Valid or possibly valid: a 2xx is fine if what was stored is what was sent. */
        MAY_PASS,
        /** Malformed by construction (bad JSON, wrong type, unknown field, a path id that is no id): a 4xx. */
        REFUSED,
        /** An object the caller may not know exists (unknown, or another unit's): exactly 404. */
        NOT_FOUND,
        /**
         * Past the HTTP layer's own limits (request line 4 KB, headers 20 KB): refused with 414 or 431 by
         * the protocol decoder before any route, so with an empty body rather than a problem document.
         */
        PROTOCOL_LIMIT
    }
}
