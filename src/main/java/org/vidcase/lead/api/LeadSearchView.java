package org.vidcase.lead.api;

import java.util.List;

/** A page of leads found, best first, over the cases the caller may see. */
public record LeadSearchView(long total, int page, int size, List<LeadSummary> leads) {
}
