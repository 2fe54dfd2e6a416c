package org.vidcase.exchange.service;

import org.vidcase.shared.error.ResourceNotFoundException;

/** An exchange endpoint of the other mode: a node serves no hub endpoint and the hub no node endpoint (404). */
public class ModeNotServedException extends ResourceNotFoundException {

    public ModeNotServedException(String what, ExchangeConfig.Mode mode) {
        super(what, "(this server runs as the " + (mode == ExchangeConfig.Mode.HUB ? "exchange hub" : "national node")
                + ", vidcase.exchange.mode=" + mode.name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
}
