package org.vidcase.search.infra;

/**
 * A document Elasticsearch did not take, with the item's status in the bulk answer.
 *
 * @param id     the media item id
 * @param status the HTTP status of the item's bulk operation
 * @param reason what Elasticsearch said
 */
public record Refusal(String id, int status, String reason) {

    /**
     * Whether sending the same document again would be refused again: a client error (the
     * document does not fit the mapping), unlike a rejection for load (429) or a server error.
     */
    public boolean permanent() {
        return status >= 400 && status < 500 && status != 429 && status != 408;
    }

    @Override
    public String toString() {
        return id + ": " + status + " " + reason;
    }
}
