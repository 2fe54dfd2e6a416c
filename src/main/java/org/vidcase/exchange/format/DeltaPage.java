package org.vidcase.exchange.format;

import java.util.List;

/**
 * A page of the hub's changes after a cursor, oldest first, each entry in its current state.
 * {@code cursor} is what to ask for next (the same cursor again gives the same or a newer view, so
 * a page applied twice changes nothing); {@code more} says whether there is more to fetch now.
 */
public record DeltaPage(String cursor, boolean more, List<DeltaEntry> entries) {
}
