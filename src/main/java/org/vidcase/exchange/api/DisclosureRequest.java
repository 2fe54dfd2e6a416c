package org.vidcase.exchange.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who receives a package handed over outside the hub connection; recorded with the disclosure. */
public record DisclosureRequest(@Schema(example = "National hub desk, by secure courier") String recipient) {
}
