package org.vidcase.series.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.series.domain.SeriesEvent;
import org.vidcase.series.domain.SeriesEventRepository;

/** Writes a series' history; the same detail goes into the audit event of the request. */
@ApplicationScoped
public class SeriesHistory {

    private final SeriesEventRepository events;
    private final ObjectMapper json;

    public SeriesHistory(SeriesEventRepository events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    /** Records one change; {@code detail} is written as JSON. */
    public void record(UUID seriesId, String actor, String action, Map<String, ?> detail) {
        String text = text(detail);
        SeriesEvent e = new SeriesEvent();
        e.seriesId = seriesId;
        e.at = Instant.now();
        e.actor = actor;
        e.action = action;
        e.detail = text;
        events.persist(e);
    }

    /** Records the change and makes its detail the audit event's. */
    public void recordAudited(UUID seriesId, String actor, String action, Map<String, ?> detail) {
        record(seriesId, actor, action, detail);
        AuditDetails.record(text(detail));
    }

    private String text(Map<String, ?> detail) {
        try {
            String text = json.writeValueAsString(detail);
            return text.length() <= 4000 ? text : json.writeValueAsString(Map.of("summary", "too long to keep: "
                    + detail.keySet()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
