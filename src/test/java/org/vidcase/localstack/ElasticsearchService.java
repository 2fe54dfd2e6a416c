package org.vidcase.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Elasticsearch 8.19 from the integ-test zip on Maven Central (see docs/adr/0003): single node,
 * loopback only, security off, its own config, data and logs in the run folder.
 */
final class ElasticsearchService implements AutoCloseable {

    private final ManagedProcess process;
    private final int httpPort;

    private ElasticsearchService(ManagedProcess process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    static ElasticsearchService start(StackPaths paths, Path runDir) throws Exception {
        Path home = paths.elasticsearchHome();
        Path dir = Files.createDirectories(runDir.resolve("elasticsearch"));
        Path config = dir.resolve("config");
        LocalStack.copyTree(home.resolve("config"), config);
        Path data = Files.createDirectories(dir.resolve("data"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        if (ServiceUser.isRoot()) {
            ServiceUser.ensureExists();
            ServiceUser.giveTree(dir);
            home = paths.elasticsearchHomeUsableBy(ServiceUser::canUse);
        }
        int httpPort = FreePorts.next();
        int transportPort = FreePorts.next();

        List<String> command = new ArrayList<>(List.of("env",
                "ES_JAVA_HOME=" + System.getProperty("java.home"),
                "ES_PATH_CONF=" + config,
                "ES_TMPDIR=" + tmp,
                "ES_JAVA_OPTS=-Xms256m -Xmx512m -XX:-HeapDumpOnOutOfMemoryError",
                home.resolve("bin/elasticsearch").toString(),
                "-E", "discovery.type=single-node",
                "-E", "network.host=127.0.0.1",
                "-E", "http.port=" + httpPort,
                "-E", "transport.port=" + transportPort,
                "-E", "xpack.security.enabled=false",
                "-E", "cluster.name=vidcase-local",
                "-E", "node.name=local",
                "-E", "path.data=" + data,
                "-E", "path.logs=" + logs,
                // Tests and demos must not turn indices read-only on a nearly full disk.
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false"));
        ProcessBuilder builder = new ProcessBuilder(ServiceUser.asServiceUser(command)).directory(dir.toFile());
        builder.environment().putAll(Map.of("LANG", "C.UTF-8"));
        ManagedProcess process = ManagedProcess.start("Elasticsearch", builder, runDir.resolve("logs/elasticsearch.log"));
        ElasticsearchService service = new ElasticsearchService(process, httpPort);
        try {
            process.awaitReady(service::isReady, Duration.ofSeconds(180));
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    private boolean isReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
