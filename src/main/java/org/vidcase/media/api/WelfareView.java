package org.vidcase.media.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How many pictures each officer opened, per day and per week (UTC, weeks from Monday), counted
 * from the audit trail: reveals in the UI and downloads of the file. Never the pictures.
 */
public record WelfareView(LocalDate from, LocalDate to, List<Officer> officers) {

    public record Officer(String username,
                          @Schema(description = "Pictures revealed in the UI in the period") long revealed,
                          @Schema(description = "Files downloaded in the period") long downloaded,
                          List<Count> days, List<Count> weeks) {
    }

    /** @param start the day, or the Monday of the week */
    public record Count(LocalDate start, long revealed, long downloaded) {
    }
}
