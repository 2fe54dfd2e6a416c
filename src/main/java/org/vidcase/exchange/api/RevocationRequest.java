package org.vidcase.exchange.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vidcase.exchange.format.RevocationReason;

/** Withdraw whole packages this node sent, or single entries of them, for a reason the hub is told as a code. */
public record RevocationRequest(
        @Size(max = 1000) @Schema(description = "Packages sent by this node, withdrawn whole") List<@NotNull UUID> packageIds,
        @Size(max = 10000) @Schema(description = "Entries sent by this node, named by their hashes") List<@NotNull @Valid Entry> entries,
        @NotNull @Schema(example = "WRONG_CATEGORY") RevocationReason reason) {

    /** One entry by its hashes (lower- or upper-case hex); at least one. */
    public record Entry(@Pattern(regexp = "[0-9a-fA-F]{32}", message = "must be 32 hex digits") String md5,
                        @Pattern(regexp = "[0-9a-fA-F]{40}", message = "must be 40 hex digits") String sha1,
                        @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits") String sha256) {
    }
}
