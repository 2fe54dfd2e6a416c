package org.vidcase.lead.api;

import java.util.List;
import java.util.Map;

/**
 * What an investigator opens in the morning, over the cases they may see: open leads assigned to
 * them, open leads of their cases, overdue ones, and counts by status and by priority band.
 */
public record DashboardView(List<LeadSummary> mine, List<LeadSummary> team, List<LeadSummary> overdue,
                            Map<String, Long> byStatus, Map<String, Long> byPriority) {
}
