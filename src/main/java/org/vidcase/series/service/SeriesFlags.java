package org.vidcase.series.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.vidcase.series.domain.Series;
import org.vidcase.series.domain.SeriesRepository;

/**
 * Sets a series' victim- or offender-identified flag from the identification record that is its
 * source (features above series keep the records), in the caller's transaction, with an entry in
 * the series' history. A flag no record holds any more is cleared.
 */
@ApplicationScoped
public class SeriesFlags {

    /** Which flag. */
    public enum Flag { VICTIM, OFFENDER }

    private final SeriesRepository series;
    private final SeriesHistory history;

    public SeriesFlags(SeriesRepository series, SeriesHistory history) {
        this.series = series;
        this.history = history;
    }

    /**
     * Sets the flag to what the record says ({@code record} null: no record holds it).
     *
     * @return whether anything changed
     */
    public boolean set(UUID seriesId, Flag flag, UUID record, UUID lead, String actor) {
        Series s = series.findById(seriesId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            return false;
        }
        boolean on = record != null;
        UUID currentRecord = flag == Flag.VICTIM ? s.victimRecord : s.offenderRecord;
        boolean currentOn = flag == Flag.VICTIM ? s.victimIdentified : s.offenderIdentified;
        if (currentOn == on && java.util.Objects.equals(currentRecord, record)) {
            return false;
        }
        if (flag == Flag.VICTIM) {
            s.victimIdentified = on;
            s.victimRecord = record;
            s.victimLead = lead;
        } else {
            s.offenderIdentified = on;
            s.offenderRecord = record;
            s.offenderLead = lead;
        }
        s.version++;
        s.updatedAt = Instant.now();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put(flag == Flag.VICTIM ? "victimIdentified" : "offenderIdentified", on);
        detail.put("identificationId", record);
        detail.put("leadId", lead);
        history.record(s.id, actor, "identified-flag", detail);
        return true;
    }
}
