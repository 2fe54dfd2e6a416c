package org.vidcase.hashset.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.vidcase.hashset.domain.HashSetKind;
import org.vidcase.hashset.domain.HashSetSource;

/** Registers a reference hash set; its entries arrive by import. New sets start inactive. */
public record CreateHashSetRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull HashSetSource source,
        @NotBlank @Size(max = 100) String version,
        @NotNull HashSetKind kind,
        @Size(max = 50) String categoryScheme,
        @Size(max = 50) String defaultCategory,
        @Size(max = 2000) String description) {
}
