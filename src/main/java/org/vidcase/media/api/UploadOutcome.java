package org.vidcase.media.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vidcase.media.service.UploadResult;
import org.vidcase.media.service.UploadStatus;
import org.vidcase.shared.error.Problem;

/** What became of one uploaded file: the item it was filed into and what changed, or why it was refused. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "What became of one uploaded file")
public record UploadOutcome(
        @Schema(description = "The file's name as recorded", example = "IMG_0001.jpg") String fileName,
        @Schema(description = "HTTP status for this file: 201 new item, 200 known content, 4xx/5xx refused",
                example = "201") int status,
        @Schema(description = "What the upload changed; absent when refused") UploadStatus outcome,
        @Schema(description = "The item the file was filed into; absent when refused") MediaItemView item,
        @Schema(description = "Why the file was refused; absent when stored") Problem problem) {

    public static UploadOutcome stored(String fileName, UploadResult result) {
        return new UploadOutcome(fileName, result.status().httpStatus(), result.status(), result.item(), null);
    }

    public static UploadOutcome refused(String fileName, Problem problem) {
        return new UploadOutcome(fileName, problem.status(), null, null, problem);
    }
}
