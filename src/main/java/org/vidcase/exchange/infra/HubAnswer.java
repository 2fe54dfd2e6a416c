package org.vidcase.exchange.infra;

import com.fasterxml.jackson.databind.JsonNode;

/** What the hub answered: its status and body (a summary, or a problem document). */
public record HubAnswer(int status, JsonNode body) {

    public boolean accepted() {
        return status / 100 == 2;
    }

    /** The problem document's detail, or the status. */
    public String detail() {
        if (body != null && body.hasNonNull("detail")) {
            return body.get("detail").asText();
        }
        return "HTTP " + status;
    }
}
