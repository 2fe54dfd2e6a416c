package org.vidcase.media.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.vidcase.shared.error.Problem;

/** What became of one file of a batch upload. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadOutcome(String fileName, int status, MediaItemView item, Problem problem) {
}
