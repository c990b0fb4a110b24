package io.financehub.deployment;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.financehub.deployment.YamlFiles.list;
import static io.financehub.deployment.YamlFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static checks of docker/docker-compose.yml and the Prometheus and Grafana files it mounts (no container engine runs
 * where the project is built): what `docker compose config` and a first `up` would catch, and what neither would —
 * a variable the hub never reads, an image that moves under a tag, a scrape that never authenticates.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("docker/docker-compose.yml");
    private static final Pattern VERSION_TAG = Pattern.compile("v?\\d+(\\.\\d+)+([-.+][A-Za-z0-9.]+)?");
    private static final Pattern SUBSTITUTED = Pattern.compile("^\\$\\{([A-Z0-9_]+)[:?}-]");
    private static final Pattern URL_HOST = Pattern.compile("^[a-z]+:(?:[a-z]+:)?//([A-Za-z0-9.-]+)(?::(\\d+))?");

    private final Map<String, Object> compose = YamlFiles.load(COMPOSE);
    private final Map<String, Object> services = map(compose, "services");

    @Test
    void theStackHasEveryServiceAndTwoHubReplicas() {
        assertThat(services).containsKeys("hub", "postgres", "artemis", "hledger-web", "prometheus", "grafana");
        int replicas = hubServices(compose).stream()
                .mapToInt(s -> (Integer) map(services.get(s), "deploy").getOrDefault("replicas", 1)).sum();
        assertThat(replicas).as("hub replicas").isGreaterThanOrEqualTo(2);
    }

    @Test
    void composeFileIsConsistent() {
        assertThat(problems(compose, COMPOSE.getParent(), DocumentedSettings.load())).isEmpty();
    }

    @Test
    void theChecksFindWhatIsWrong() {
        Map<String, Object> broken = YamlFiles.parse("""
                services:
                  hub:
                    image: finance-integration-hub:0.1.0
                    environment:
                      HUB_BROKER_URL: tcp://artemis:61616
                      HUB_NO_SUCH_SETTING: "1"
                    depends_on:
                      broker: {condition: service_healthy}
                      ghost: {condition: service_started}
                    volumes:
                      - ./no-such-dir/file.xml:/etc/x.xml:ro
                      - undeclared:/data
                  broker:
                    image: apache/activemq-artemis:latest
                  grafana:
                    image: grafana/grafana
                """);
        Map<String, Object> spring = YamlFiles.parse("""
                services:
                  hub:
                    build: {context: .., dockerfile: docker/Dockerfile}
                    environment: [SPRING_DATASOURCE_URLS=jdbc:postgresql://db/hub]
                """);

        assertThat(problems(broken, COMPOSE.getParent(), DocumentedSettings.load())).containsExactlyInAnyOrder(
                "hub: HUB_NO_SUCH_SETTING is not in README.md's Configuration table",
                "broker: image apache/activemq-artemis:latest is not pinned to a version tag",
                "grafana: image grafana/grafana is not pinned to a version tag",
                "hub: depends on broker being healthy, but broker has no healthcheck",
                "hub: depends on ghost, which is no service",
                "hub: bind-mounts ./no-such-dir/file.xml, which is not in the repository",
                "hub: mounts volume undeclared, which the top-level volumes do not declare",
                "hub: HUB_BROKER_URL points at artemis, which is no service");
        assertThat(problems(spring, COMPOSE.getParent(), DocumentedSettings.load())).containsExactlyInAnyOrder(
                "hub: SPRING_DATASOURCE_URLS is not in README.md's Configuration table",
                "hub: SPRING_DATASOURCE_URLS is no Spring Boot property (none in the configuration metadata binds from it)",
                "hub: SPRING_DATASOURCE_URLS points at db, which is no service");
    }

    @Test
    void theBrokerHealthCheckAsksTheBrokerAndTheHubWaitsForIt() {
        Map<String, Object> artemis = map(services, "artemis");
        String test = String.join(" ", list(map(artemis, "healthcheck"), "test").stream().map(String::valueOf).toList());
        // the instance's own CLI connects with the credentials the broker requires (a port check would pass earlier)
        assertThat(test).contains("/var/lib/artemis-instance/bin/artemis check node", "--up",
                "$$ARTEMIS_USER", "$$ARTEMIS_PASSWORD");
        assertThat(map(map(map(services, "hub"), "depends_on"), "artemis")).containsEntry("condition", "service_healthy");
    }

    @Test
    void theHubPostsToTheComposeLedger() {
        Map<String, String> env = environment(services.get("hub"));
        assertThat(env).containsEntry("HUB_ACCOUNTING_KIND", "hledger");
        Matcher url = URL_HOST.matcher(env.get("HUB_ACCOUNTING_URL"));
        assertThat(url.find()).isTrue();
        Map<String, Object> hledger = map(services, url.group(1));
        List<String> command = list(hledger, "command").stream().map(String::valueOf).toList();
        // hledger-web serves its JSON API (what the hub reads and writes) on the port the hub calls, adds allowed
        assertThat(command).contains("--serve-api", "--host=0.0.0.0", "--port=" + url.group(2), "--capabilities=view,add");
    }

    @Test
    void prometheusScrapesEveryHubReplicaWithTheMetricsAccount() {
        Map<String, Object> prometheus = map(services, "prometheus");
        Map<String, Object> config = YamlFiles.load(hostPathMountedAt(prometheus, configFile(prometheus)).orElseThrow());
        Map<String, Object> job = list(config, "scrape_configs").stream().map(j -> (Map<String, Object>) cast(j))
                .filter(j -> "finance-integration-hub".equals(j.get("job_name"))).findFirst().orElseThrow();

        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        Map<String, Object> auth = map(job, "basic_auth");
        Map<String, String> hub = environment(services.get("hub"));
        assertThat(auth.get("username")).isEqualTo(hub.getOrDefault("HUB_METRICS_USERNAME", metricsUsernameDefault()));
        // the password file is a compose secret made from the same variable the hub's HUB_METRICS_PASSWORD comes from
        String secret = list(prometheus, "secrets").stream().map(String::valueOf)
                .filter(s -> ("/run/secrets/" + s).equals(auth.get("password_file"))).findFirst().orElseThrow();
        Matcher hubPassword = SUBSTITUTED.matcher(hub.get("HUB_METRICS_PASSWORD"));
        assertThat(hubPassword.find()).isTrue();
        assertThat(map(map(compose, "secrets"), secret).get("environment")).isEqualTo(hubPassword.group(1));
        assertThat(auth).doesNotContainKey("password");

        Map<String, Object> dns = (Map<String, Object>) cast(list(job, "dns_sd_configs").get(0));
        assertThat(list(dns, "names")).containsExactlyInAnyOrderElementsOf(hubServices(compose));
        assertThat(dns.get("type")).isEqualTo("A");
        assertThat(dns.get("port")).isEqualTo(8080);
        assertThat(list(map(services, "hub"), "ports")).contains("8080-8081:8080");

        for (Object rules : list(config, "rule_files")) {
            assertThat(hostPathMountedAt(prometheus, (String) rules)).as("rule file %s mounted", rules)
                    .hasValueSatisfying(p -> assertThat(p).isRegularFile());
        }
        assertThat(list(config, "rule_files")).contains("/etc/prometheus/alerts.yaml");
    }

    @Test
    void grafanaProvisionsThePrometheusDataSourceAndTheDashboardsFolder() throws Exception {
        Map<String, Object> grafana = map(services, "grafana");
        Path provisioning = hostPathMountedAt(grafana, "/etc/grafana/provisioning").orElseThrow();

        Map<String, Object> datasource = (Map<String, Object>) cast(
                list(YamlFiles.load(provisioning.resolve("datasources/prometheus.yaml")), "datasources").get(0));
        assertThat(datasource).containsEntry("uid", "prometheus").containsEntry("type", "prometheus")
                .containsEntry("url", "http://prometheus:9090");
        assertThat(list(map(services, "prometheus"), "ports")).contains("9090:9090");

        Map<String, Object> provider = (Map<String, Object>) cast(list(
                YamlFiles.load(provisioning.resolve("dashboards/finance-integration-hub.yaml")), "providers").get(0));
        assertThat(provider.get("type")).isEqualTo("file");
        String path = (String) map(provider, "options").get("path");
        assertThat(path).isEqualTo("/var/lib/grafana/dashboards");
        assertThat(hostPathMountedAt(grafana, path)).hasValueSatisfying(p -> assertThat(p).isDirectory());
        assertThat(Files.isDirectory(provisioning)).isTrue();
    }

    /** Every finding about services, images, variables, dependencies and mounts; empty when all is consistent. */
    static List<String> problems(Map<String, Object> compose, Path baseDir, DocumentedSettings settings) {
        Map<String, Object> services = map(compose, "services");
        List<String> problems = new ArrayList<>();
        List<String> hubs = hubServices(compose);
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            String name = entry.getKey();
            Object service = entry.getValue();
            Object own = ((Map<?, ?>) service).get("image");
            if (own != null && !pinned((String) own)) {
                problems.add(name + ": image " + own + " is not pinned to a version tag");
            }
            if (own == null && !((Map<?, ?>) service).containsKey("build")) {
                problems.add(name + ": has neither image nor build");
            }
            if (hubs.contains(name)) {
                Map<String, String> env = environment(service);
                problems.addAll(settings.problems(name, env.keySet()));
                env.forEach((variable, value) -> {
                    Matcher url = URL_HOST.matcher(value);
                    if (url.find() && !services.containsKey(url.group(1))) {
                        problems.add(name + ": " + variable + " points at " + url.group(1) + ", which is no service");
                    }
                });
            }
            problems.addAll(dependencyProblems(name, service, services));
            problems.addAll(mountProblems(name, service, baseDir, map(compose, "volumes")));
        }
        return problems;
    }

    private static List<String> dependencyProblems(String name, Object service, Map<String, Object> services) {
        List<String> problems = new ArrayList<>();
        Object dependsOn = ((Map<?, ?>) service).get("depends_on");
        Map<String, Object> dependencies = new LinkedHashMap<>();
        if (dependsOn instanceof List<?> names) {
            names.forEach(n -> dependencies.put((String) n, Map.of("condition", "service_started")));
        } else if (dependsOn instanceof Map<?, ?> conditions) {
            conditions.forEach((k, v) -> dependencies.put((String) k, v));
        }
        dependencies.forEach((target, condition) -> {
            if (!services.containsKey(target)) {
                problems.add(name + ": depends on " + target + ", which is no service");
            } else if ("service_healthy".equals(((Map<?, ?>) condition).get("condition"))) {
                Map<String, Object> check = map(services.get(target), "healthcheck");
                List<Object> test = list(check, "test");
                if (test.isEmpty() || "NONE".equals(test.get(0)) || Boolean.TRUE.equals(check.get("disable"))) {
                    problems.add(name + ": depends on " + target + " being healthy, but " + target
                            + " has no healthcheck");
                }
            }
        });
        return problems;
    }

    private static List<String> mountProblems(String name, Object service, Path baseDir, Map<String, Object> declared) {
        List<String> problems = new ArrayList<>();
        for (Object volume : list(service, "volumes")) {
            String source;
            boolean bind;
            if (volume instanceof String s) {
                source = s.split(":", 2)[0];
                bind = source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
            } else {
                source = (String) ((Map<?, ?>) volume).get("source");
                bind = "bind".equals(((Map<?, ?>) volume).get("type"));
            }
            if (bind && !Files.exists(baseDir.resolve(source).normalize())) {
                problems.add(name + ": bind-mounts " + source + ", which is not in the repository");
            } else if (!bind && source != null && !declared.containsKey(source)) {
                problems.add(name + ": mounts volume " + source + ", which the top-level volumes do not declare");
            }
        }
        return problems;
    }

    /** A version tag (or a digest): the image cannot change under the same name. */
    static boolean pinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon < slash + 1) {
            return false;
        }
        String tag = image.substring(colon + 1);
        return !tag.equals("latest") && VERSION_TAG.matcher(tag).matches();
    }

    /** The services that run the hub's image: built from docker/Dockerfile or using the image it builds. */
    static List<String> hubServices(Map<String, Object> compose) {
        return map(compose, "services").entrySet().stream().filter(e -> {
            Map<?, ?> service = (Map<?, ?>) e.getValue();
            Object image = service.get("image");
            return "docker/Dockerfile".equals(map(service, "build").get("dockerfile"))
                    || image instanceof String s && s.startsWith("finance-integration-hub:");
        }).map(Map.Entry::getKey).toList();
    }

    /** A service's environment in either of compose's forms (a map, or a list of NAME=value). */
    static Map<String, String> environment(Object service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object environment = ((Map<?, ?>) service).get("environment");
        if (environment instanceof Map<?, ?> values) {
            values.forEach((k, v) -> env.put((String) k, v == null ? "" : String.valueOf(v)));
        } else if (environment instanceof List<?> entries) {
            entries.forEach(e -> {
                String[] parts = String.valueOf(e).split("=", 2);
                env.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        }
        return env;
    }

    private Optional<Path> hostPathMountedAt(Map<String, Object> service, String containerPath) {
        for (Object volume : list(service, "volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts.length >= 2 && parts[1].equals(containerPath) && parts[0].startsWith(".")) {
                return Optional.of(COMPOSE.getParent().resolve(parts[0]).normalize());
            }
        }
        return Optional.empty();
    }

    private static String configFile(Map<String, Object> prometheus) {
        return list(prometheus, "command").stream().map(String::valueOf).filter(a -> a.startsWith("--config.file="))
                .map(a -> a.substring("--config.file=".length())).findFirst().orElse("/etc/prometheus/prometheus.yml");
    }

    private static String metricsUsernameDefault() {
        return (String) map(map(YamlFiles.loadAll(Path.of("src/main/resources/application.yaml")).get(0), "hub"),
                "metrics").get("username");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
