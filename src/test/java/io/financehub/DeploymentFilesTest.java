package io.financehub;

import io.financehub.platform.broker.QueueNames;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static checks of docker/ and k8s/ (no container engine runs here): the image, the standalone broker's
 * configuration, and the hub's probes. The compose stack and the Kubernetes manifests as a whole, variables
 * included, are checked by {@code io.financehub.deployment.ComposeFileTest} and {@code KubernetesManifestsTest}.
 */
class DeploymentFilesTest {

    @Test
    void kubernetesManifestsParseAndProbeTheHealthGroups() throws IOException {
        List<Map<String, Object>> docs = yamlDocuments(Path.of("k8s"));
        assertThat(docs).extracting(d -> d.get("kind"))
                .contains("Deployment", "Service", "ConfigMap", "Secret", "PodDisruptionBudget");

        Map<String, Object> container = first(list(map(map(map(kind(docs, "Deployment"), "spec"), "template"), "spec"),
                "containers"));
        assertThat(path(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat(path(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat(first(list(container, "ports")).get("containerPort")).isEqualTo(8080);
    }

    @Test
    void theImageRunsAsNonRootAndChecksReadiness() throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));

        assertThat(dockerfile).contains("USER 10001", "EXPOSE 8080", "HEALTHCHECK", "/actuator/health/readiness",
                "COPY routes /app/routes", "HUB_ROUTES_DIR=/app/routes");
        assertThat(dockerfile).contains("target/" + artifactId() + "-*.jar");
    }

    private static String artifactId() throws IOException {
        Matcher m = Pattern.compile("<artifactId>(finance-[a-z-]+)</artifactId>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> yamlDocuments(Path dir) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object doc : new Yaml().loadAll(Files.readString(file))) {
                    docs.add((Map<String, Object>) doc);
                }
            }
        }
        return docs;
    }

    private static Map<String, Object> kind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }

    private static Map<String, Object> first(List<Map<String, Object>> list) {
        return list.get(0);
    }

    private static Object path(Map<String, Object> root, String... keys) {
        Map<String, Object> current = root;
        for (int i = 0; i < keys.length - 1; i++) {
            current = map(current, keys[i]);
        }
        return current.get(keys[keys.length - 1]);
    }

    /** The standalone broker's file cannot read QueueNames, so this keeps the two the same. */
    @Test
    void theStandaloneBrokerDeclaresExactlyTheHubsQueues() throws IOException {
        Matcher m = Pattern.compile("<queue name=\"([^\"]+)\"/>").matcher(
                Files.readString(Path.of("docker/artemis/broker-00.xml")));
        List<String> declared = new ArrayList<>();
        while (m.find()) {
            declared.add(m.group(1));
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(QueueNames.all());
    }

    /** Multicast addresses carry no queue of their own: each subscription makes one. */
    @Test
    void theStandaloneBrokerDeclaresTheHubsMulticastAddressesWithoutQueues() throws IOException {
        Matcher m = Pattern.compile("<address name=\"([^\"]+)\"><multicast/></address>").matcher(
                Files.readString(Path.of("docker/artemis/broker-00.xml")));
        List<String> declared = new ArrayList<>();
        while (m.find()) {
            declared.add(m.group(1));
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(QueueNames.multicast());
    }
}
