package org.vidcase.shared.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/** Builds the typed 8.19 client; the 9.x client is rejected by an 8.19 server. */
@ApplicationScoped
public class SearchClientProducer {

    private final RestClient restClient;

    public SearchClientProducer(SearchConfig config) {
        HttpHost[] hosts = config.hosts().stream().map(HttpHost::create).toArray(HttpHost[]::new);
        this.restClient = RestClient.builder(hosts)
                .setRequestConfigCallback(request -> request
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setSocketTimeout((int) config.socketTimeout().toMillis()))
                .build();
    }

    @Produces
    @Singleton
    ElasticsearchClient elasticsearchClient() {
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
    }

    @PreDestroy
    void close() throws IOException {
        restClient.close();
    }
}
