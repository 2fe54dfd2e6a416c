package org.vidcase.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Elasticsearch 8.19 from the integ-test zip on Maven Central (see docs/adr/0003): single node,
 * loopback only, security off, its own config, data and logs in the run folder.
 */
final class ElasticsearchService implements AutoCloseable {

    /** Where runs keep Elasticsearch's files when the checkout is closed to the service user. */
    static final Path SHARED_RUNS = Paths.get("/var/tmp/vidcase-stack/run");

    private final ManagedProcess process;
    private final int httpPort;
    private final Path externalDir;

    private ElasticsearchService(ManagedProcess process, int httpPort, Path externalDir) {
        this.process = process;
        this.httpPort = httpPort;
        this.externalDir = externalDir;
    }

    static ElasticsearchService start(StackPaths paths, Path runDir) throws Exception {
        Path home = paths.elasticsearchHome();
        Path externalDir = null;
        Path dir = runDir.resolve("elasticsearch");
        if (ServiceUser.isRoot()) {
            ServiceUser.ensureExists();
            if (!ServiceUser.canUse(runDir)) {
                // A checkout below a private folder (e.g. /root): the service user could not read its config.
                externalDir = SHARED_RUNS.resolve(runDir.getFileName().toString());
                dir = externalDir.resolve("elasticsearch");
                Files.createDirectories(dir);
                new ProcessBuilder("chmod", "-R", "a+rX", "/var/tmp/vidcase-stack").inheritIO().start().waitFor();
            }
        }
        Files.createDirectories(dir);
        Path config = dir.resolve("config");
        LocalStack.copyTree(home.resolve("config"), config);
        Path data = Files.createDirectories(dir.resolve("data"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        if (ServiceUser.isRoot()) {
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
        ElasticsearchService service = new ElasticsearchService(process, httpPort, externalDir);
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

    void suspend() {
        process.signal("STOP");
    }

    void resume() {
        process.signal("CONT");
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
        if (externalDir != null) {
            try {
                LocalStack.deleteRecursively(externalDir);
            } catch (IOException e) {
                // Reaped with the run's other leftovers at the next start.
            }
        }
    }
}
