package org.vidcase.audit.service;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The object a refused request was aimed at, read from its path: the innermost id and the kind of
 * resource it names ({@code /api/cases/C/media/M} is media item M of case C), or the path itself
 * for collections ({@code /api/audit/events}).
 */
record DeniedTarget(String objectType, String objectId, UUID caseId) {

    private static final Pattern ID = Pattern.compile(
            "/([a-z-]+)/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?=/|$)");
    private static final Pattern CASE = Pattern.compile("^/api/cases/([0-9a-fA-F-]{36})(?:/|$)");
    private static final Map<String, String> TYPES = Map.of(
            "cases", "case", "seizures", "seizure", "media", "media", "hash-sets", "hash-set", "jobs", "job");

    static DeniedTarget of(String path) {
        if (path == null) {
            return new DeniedTarget("endpoint", null, null);
        }
        String type = null;
        String id = null;
        Matcher m = ID.matcher(path);
        while (m.find()) {
            type = TYPES.getOrDefault(m.group(1), m.group(1));
            id = m.group(2);
        }
        UUID caseId = null;
        Matcher c = CASE.matcher(path);
        if (c.find()) {
            try {
                caseId = UUID.fromString(c.group(1));
            } catch (IllegalArgumentException notAnId) {
                // Not a case id: the event keeps the path only.
            }
        }
        return id == null ? new DeniedTarget("endpoint", path, caseId) : new DeniedTarget(type, id, caseId);
    }
}
