package org.vidcase.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The production chart, linted and rendered by the Helm engine embedded through helm-java. */
class HelmChartTest {

    private static final Path CHART = Paths.get("helm/vidcase");

    @Test
    void lintsCleanInStrictMode() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void rendersTheServerDeploymentWiredToConfigMapAndSecret() {
        String manifests = withServiceAddresses(new Helm(CHART).template().withName("vidcase"))
                .set("existingSecret", "vidcase-secrets")
                .set("image.tag", "1.2.3")
                .call();

        String deployment = document(manifests, "Deployment");
        assertThat(deployment)
                .contains("image: \"vidcase/vidcase-server:1.2.3\"")
                .contains("containerPort: 8080")
                .containsPattern(probe("livenessProbe", "/q/health/live"))
                .containsPattern(probe("readinessProbe", "/q/health/ready"))
                .containsPattern(probe("startupProbe", "/q/health/started"))
                .containsPattern("secretRef:\\s+name: vidcase-secrets")
                .containsPattern("configMapRef:\\s+name: vidcase\\s")
                .contains("runAsNonRoot: true")
                .contains("readOnlyRootFilesystem: true")
                .containsPattern("drop:\\s+- ALL")
                .containsPattern("mountPath: /tmp\\s+volumes:\\s+- name: tmp\\s+emptyDir:")
                .contains("allowPrivilegeEscalation: false")
                .containsPattern("- name: javacpp-cache\\s+mountPath: /var/cache/vidcase/javacpp")
                .containsPattern("- name: javacpp-cache\\s+emptyDir:\\s+sizeLimit: 256Mi")
                .containsPattern("checksum/config: [0-9a-f]{64}")
                .contains("prometheus.io/path: /q/metrics");

        String configMap = configMap(manifests, "vidcase");
        assertThat(configMap)
                .contains("QUARKUS_DATASOURCE_JDBC_URL: \"jdbc:postgresql://postgres:5432/vidcase\"")
                .contains("VIDCASE_DB_MIGRATION_JDBC_URL: \"jdbc:postgresql://postgres-direct:5432/vidcase\"")
                .contains("VIDCASE_KEYSTORE_JDBC_URL: \"jdbc:postgresql://postgres-keys:5432/vidcase_keys\"")
                .contains("QUARKUS_OIDC_AUTH_SERVER_URL: \"https://keycloak.example/realms/vid\"")
                .contains("VIDCASE_STORAGE_ENDPOINT: \"http://minio:9000\"")
                .contains("VIDCASE_STORAGE_BUCKET: \"vidcase-evidence\"")
                .contains("VIDCASE_VIDEO_JAVACPP_CACHE_DIR: \"/var/cache/vidcase/javacpp\"")
                .contains("VIDCASE_VIDEO_CONCURRENT_DECODES: \"1\"")
                .contains("VIDCASE_STORAGE_REGION: \"us-east-1\"")
                .contains("VIDCASE_SEARCH_HOSTS: \"http://elasticsearch:9200\"")
                .contains("VIDCASE_SEARCH_INDEX_PREFIX: \"vidcase\"")
                .contains("VIDCASE_JOBS_WORKER_THREADS: \"2\"")
                .contains("VIDCASE_JOBS_LEASE: \"30S\"")
                .contains("VIDCASE_JOBS_POLL_INTERVAL: \"5S\"")
                .doesNotContain("PASSWORD", "SECRET_KEY", "MASTER_KEY", "VIDCASE_EVIDENCE_MAX_UPLOAD_SIZE",
                        "VIDCASE_RETENTION_CLOSED_CASE_PERIOD");

        assertThat(document(manifests, "Service"))
                .containsPattern("port: 80\\s+targetPort: http")
                .contains("type: ClusterIP");
    }

    @Test
    void runsSeveralReplicasWithADisruptionBudgetAndRollingUpdates() {
        String manifests = withServiceAddresses(new Helm(CHART).template().withName("vidcase"))
                .set("existingSecret", "vidcase-secrets")
                .set("replicaCount", "3")
                .call();
        assertThat(document(manifests, "Deployment"))
                .contains("replicas: 3")
                .containsPattern("strategy:\\s+rollingUpdate:\\s+maxSurge: 1\\s+maxUnavailable: 0\\s+type: RollingUpdate");
        assertThat(document(manifests, "PodDisruptionBudget"))
                .contains("apiVersion: policy/v1")
                .contains("minAvailable: 1")
                .containsPattern("selector:\\s+matchLabels:\\s+app.kubernetes.io/name: vidcase\\s+app.kubernetes.io/instance: vidcase");

        // An image pinned by digest runs exactly that image.
        String pinned = withServiceAddresses(new Helm(CHART).template().withName("vidcase"))
                .set("existingSecret", "vidcase-secrets")
                .set("image.digest", "sha256:" + "ab".repeat(32))
                .call();
        assertThat(document(pinned, "Deployment")).contains("image: \"vidcase/vidcase-server@sha256:" + "ab".repeat(32) + "\"");

        // One replica: no budget (it would block every node drain).
        String single = withServiceAddresses(new Helm(CHART).template().withName("vidcase"))
                .set("existingSecret", "vidcase-secrets")
                .set("replicaCount", "1")
                .call();
        assertThat(single).doesNotContain("kind: PodDisruptionBudget");
    }

    @Test
    void passesARaisedUploadLimitToTheServer() {
        String manifests = withServiceAddresses(new Helm(CHART).template().withName("vidcase"))
                .set("existingSecret", "vidcase-secrets")
                .set("config.evidence.maxUploadSize", "4G")
                .call();

        assertThat(configMap(manifests, "vidcase")).contains("VIDCASE_EVIDENCE_MAX_UPLOAD_SIZE: \"4G\"");
    }

    @Test
    void mountsExtraVolumesBesideTmp() {
        String manifests = withServiceAddresses(new Helm(CHART).template().withName("vidcase"))
                .set("existingSecret", "vidcase-secrets")
                .set("extraVolumes[0].name", "categories")
                .set("extraVolumes[0].configMap.name", "vidcase-categories")
                .set("extraVolumeMounts[0].name", "categories")
                .set("extraVolumeMounts[0].mountPath", "/config/categories")
                .call();

        assertThat(document(manifests, "Deployment"))
                .containsPattern("mountPath: /tmp\\s+- mountPath: /config/categories\\s+name: categories\\s+volumes:")
                .containsPattern("emptyDir:\\s+sizeLimit: 5Gi\\s+- name: javacpp-cache\\s+emptyDir:\\s+sizeLimit: 256Mi"
                        + "\\s+- configMap:\\s+name: vidcase-categories\\s+name: categories");
    }

    @Test
    void ingressLetsEvidenceUploadsThroughIngressNginx() {
        String manifests = withServiceAddresses(new Helm(CHART).template().withName("vidcase"))
                .set("existingSecret", "vidcase-secrets")
                .set("ingress.enabled", "true")
                .call();

        assertThat(document(manifests, "Ingress"))
                .contains("nginx.ingress.kubernetes.io/proxy-body-size: 2049m")
                .contains("nginx.ingress.kubernetes.io/proxy-request-buffering: \"off\"")
                .contains("nginx.ingress.kubernetes.io/proxy-read-timeout: \"300\"")
                .containsPattern("path: /api\\s+pathType: Prefix");
    }

    @Test
    void explicitIngressAnnotationsOverrideTheUploadDefaults() {
        String manifests = withServiceAddresses(new Helm(CHART).template().withName("vidcase"))
                .set("existingSecret", "vidcase-secrets")
                .set("ingress.enabled", "true")
                .set("ingress.annotations.nginx\\.ingress\\.kubernetes\\.io/proxy-body-size", "4100m")
                .set("ingress.nginx.proxyReadTimeout", "")
                .call();

        assertThat(document(manifests, "Ingress"))
                .contains("nginx.ingress.kubernetes.io/proxy-body-size: 4100m")
                .doesNotContain("2049m", "proxy-read-timeout")
                .contains("nginx.ingress.kubernetes.io/proxy-request-buffering: \"off\"");
    }

    @Test
    void valuesDocumentTheEvidenceKeySecretEntries() throws IOException {
        String values = Files.readString(CHART.resolve("values.yaml"));

        assertThat(values)
                .containsPattern("(?m)^#\\s+VIDCASE_EVIDENCE_MASTER_KEYS\\s")
                .containsPattern("(?m)^#\\s+VIDCASE_EVIDENCE_ACTIVE_KEY_ID\\s")
                .containsPattern("(?m)^#\\s+VIDCASE_KEYSTORE_PASSWORD\\s")
                .contains("VIDCASE_EVIDENCE_MAX_UPLOAD_SIZE")
                .doesNotContainPattern("VIDCASE_EVIDENCE_MASTER_KEY(?!S)");
    }

    @Test
    void refusesToRenderWithoutAKeyStore() {
        TemplateCommand withoutKeyStore = withServiceAddresses(new Helm(CHART).template().withName("vidcase"))
                .set("existingSecret", "vidcase-secrets")
                .set("config.keystore.jdbcUrl", "");

        assertThatThrownBy(withoutKeyStore::call).hasMessageContaining("config.keystore.jdbcUrl is required");
    }

    @Test
    void refusesToRenderWithoutAnExistingSecret() {
        TemplateCommand withoutSecret = withServiceAddresses(new Helm(CHART).template().withName("vidcase"));

        assertThatThrownBy(withoutSecret::call)
                .hasMessageContaining("existingSecret is required");
    }

    @Test
    void importsTheProductionRealmWithItsPasswordList() throws IOException {
        String manifests = withServiceAddresses(new Helm(CHART).template().withName("vidcase"))
                .set("existingSecret", "vidcase-secrets")
                .call();

        String realm = configMap(manifests, "vidcase-keycloak-realm");
        assertThat(realm)
                .contains("\"browserFlow\": \"browser with second factor\"")
                .contains("passwordBlacklist(vidcase-common-passwords.txt)")
                .contains("\"https://vidcase.example/*\"")
                .doesNotContain("${VIDCASE_WEB_ORIGIN", "localhost", "-demo", "vidcase-cli", "local-secret")
                .doesNotContainPattern("\"directAccessGrantsEnabled\": true")
                .contains("vidcase-common-passwords.txt: |-\n    " + Files.readAllLines(
                        Paths.get("keycloak-realm/vidcase-common-passwords.txt")).get(0) + "\n");
        assertThat(manifests).doesNotContain("KeycloakRealmImport");
    }

    @Test
    void theWebOriginMustBeAnOrigin() {
        String manifests = withServiceAddresses(new Helm(CHART).template().withName("vidcase"))
                .set("existingSecret", "vidcase-secrets")
                .set("keycloakRealm.webOrigin", "https://vidcase.example/")
                .call();
        assertThat(configMap(manifests, "vidcase-keycloak-realm")).contains("\"https://vidcase.example/*\"")
                .doesNotContain("example//");
        assertThatThrownBy(() -> withServiceAddresses(new Helm(CHART).template().withName("vidcase"))
                .set("existingSecret", "vidcase-secrets")
                .set("keycloakRealm.webOrigin", "https://vidcase.example/ui\"x")
                .call())
                .hasMessageContaining("keycloakRealm.webOrigin must be an origin");
    }

    @Test
    void rendersARealmImportForTheKeycloakOperator() {
        String manifests = withServiceAddresses(new Helm(CHART).template().withName("vidcase"))
                .set("existingSecret", "vidcase-secrets")
                .set("keycloakRealm.keycloakCRName", "keycloak")
                .call();

        String realmImport = document(manifests, "KeycloakRealmImport");
        assertThat(realmImport)
                .contains("apiVersion: k8s.keycloak.org/v2alpha1")
                .containsPattern("keycloakCRName: \"?keycloak\"?")
                .containsPattern("realm: vid\\s")
                .contains("browserFlow: browser with second factor")
                .contains("- https://vidcase.example/*")
                .doesNotContain("vidcase-cli", "-demo");
    }

    @Test
    void theChartsRealmFilesAreTheRepositorysOwn() throws IOException {
        for (String file : new String[] {"vid-realm.json", "vidcase-common-passwords.txt"}) {
            assertThat(Files.readString(CHART.resolve("files").resolve(file)))
                    .as("helm/vidcase/files/%s is a copy of keycloak-realm/%s", file, file)
                    .isEqualTo(Files.readString(Paths.get("keycloak-realm").resolve(file)));
        }
    }

    private static TemplateCommand withServiceAddresses(TemplateCommand template) {
        return template
                .set("config.datasource.jdbcUrl", "jdbc:postgresql://postgres:5432/vidcase")
                .set("config.migration.jdbcUrl", "jdbc:postgresql://postgres-direct:5432/vidcase")
                .set("config.keystore.jdbcUrl", "jdbc:postgresql://postgres-keys:5432/vidcase_keys")
                .set("config.oidc.authServerUrl", "https://keycloak.example/realms/vid")
                .set("config.storage.endpoint", "http://minio:9000")
                .set("config.search.hosts", "http://elasticsearch:9200")
                .set("keycloakRealm.webOrigin", "https://vidcase.example");
    }

    /** A probe whose own block (the lines indented below it) has an HTTP GET of the path. */
    private static String probe(String probe, String path) {
        return "(?m)^( +)" + probe + ":\\n(?:\\1 +.*\\n)*?\\1 +path: " + Pattern.quote(path) + "\\n";
    }

    /** The one rendered ConfigMap of that name. */
    private static String configMap(String manifests, String name) {
        return single(manifests, "ConfigMap " + name,
                doc -> doc.contains("\nkind: ConfigMap\n") && doc.contains("\n  name: " + name + "\n"));
    }

    /** The one rendered document of the given kind. */
    private static String document(String manifests, String kind) {
        return single(manifests, kind + " documents", doc -> doc.contains("\nkind: " + kind + "\n"));
    }

    private static String single(String manifests, String what, java.util.function.Predicate<String> filter) {
        var matches = Arrays.stream(manifests.split("(?m)^---\\s*$")).filter(filter).toList();
        assertThat(matches).as("rendered %s", what).hasSize(1);
        return matches.get(0);
    }
}
