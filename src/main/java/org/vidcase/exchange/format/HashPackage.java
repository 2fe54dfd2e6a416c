package org.vidcase.exchange.format;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The payload of an exchange package, format version 1 (docs/exchange-protocol.md): entries a
 * node's people categorised, feedback on entries it received, revocations of what it sent before,
 * and its identification counts. Built from an allow-list of fields: there is no place for case,
 * agency, officer, file or location data.
 */
public record HashPackage(UUID packageId, String issuingCountry, LocalDate created, List<PackageEntry> entries,
                          List<Feedback> feedback, List<Revocation> revocations,
                          List<IdentificationCount> identifications) {

    public static final String FORMAT = "vidcase-hash-package";
    public static final int VERSION = 1;

    public HashPackage {
        entries = entries == null ? List.of() : List.copyOf(entries);
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
        revocations = revocations == null ? List.of() : List.copyOf(revocations);
        identifications = identifications == null ? List.of() : List.copyOf(identifications);
    }

    public boolean isEmpty() {
        return entries.isEmpty() && feedback.isEmpty() && revocations.isEmpty() && identifications.isEmpty();
    }
}
