package org.vidcase.exchange.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.Audited;
import org.vidcase.exchange.format.HubStatisticsReport;
import org.vidcase.exchange.infra.HubClient;

/** The hub's statistics, read at the hub as this node's service account, for the node's liaison officers and supervisors. */
@ApplicationScoped
public class HubStatisticsReader {

    private final ExchangeSettings settings;
    private final HubClient hub;

    public HubStatisticsReader(ExchangeSettings settings, HubClient hub) {
        this.settings = settings;
        this.hub = hub;
    }

    /**
     * @throws org.vidcase.shared.error.ConflictException when no hub is configured
     * @throws org.vidcase.shared.error.ServiceUnavailableException when the hub cannot be reached or refuses the node
     */
    @Audited(AuditAction.EXCHANGE_HUB_STATISTICS)
    public HubStatisticsReport read() {
        settings.requireNode("The hub's statistics");
        settings.hubUrl();
        return hub.statistics();
    }
}
