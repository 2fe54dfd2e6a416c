package org.vidcase.exchange.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A TIMESTAMPTZ as native queries return it (the driver gives any of three types) as an Instant. */
public final class Instants {

    private Instants() {
    }

    public static Instant of(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof Timestamp t ? t.toInstant() : null;
    }
}
