package org.vidcase.exchange.api;

import java.time.Instant;
import org.vidcase.exchange.domain.DisclosureChannel;

/** One time a package left the node: how, to whom, with what result, by whom. */
public record DisclosureView(DisclosureChannel channel, String recipient, String outcome, String disclosedBy,
                             Instant disclosedAt) {
}
