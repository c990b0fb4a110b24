package io.financehub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Static checks of the monitoring files: the Prometheus alert rules are valid and unit-tested with promtool, the
 * Kubernetes PrometheusRule carries exactly the same groups, and the Grafana dashboard queries the provisioned
 * datasource with valid PromQL on documented meters.
 */
class MonitoringFilesTest {

    private static final Path ALERTS = Path.of("docker/prometheus/alerts.yaml");
    private static final Path ALERT_TESTS = Path.of("docker/prometheus/alerts.test.yaml");
    private static final Path PROMETHEUS_RULE = Path.of("k8s/prometheusrule.yaml");
    private static final Path DASHBOARD = Path.of("docker/grafana/dashboards/finance-integration-hub.json");
    private static final Path METRICS_DOC = Path.of("docs/metrics.md");

    private static final Pattern HUB_METRIC = Pattern.compile("\\bhub_[a-z_]+");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
    /** The first comparison of an alert expression: the number it fires above. */
    private static final Pattern THRESHOLD = Pattern.compile(">\\s*([0-9.]+)");

    @Test
    void promtoolAcceptsTheAlertRules() throws Exception {
        assertPromtoolSucceeds("check", "rules", ALERTS.toString());
    }

    /** The compose stack's Prometheus configuration (its secret files exist only inside the container). */
    @Test
    void promtoolAcceptsTheComposePrometheusConfiguration() throws Exception {
        assertPromtoolSucceeds("check", "config", "--syntax-only", "docker/prometheus/prometheus.yml");
    }

    @Test
    void promtoolUnitTestsOfTheAlertRulesPass() throws Exception {
        assertPromtoolSucceeds("test", "rules", ALERT_TESTS.toString());
    }

    @Test
    void everyAlertHasATestCaseWhereItFiresAndOneWhereItDoesNot() throws IOException {
        Map<String, Object> tests = yaml(ALERT_TESTS);
        assertThat(tests.get("rule_files")).isEqualTo(List.of("alerts.yaml"));

        Set<String> firing = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        for (Map<String, Object> test : list(tests, "tests")) {
            for (Map<String, Object> ruleTest : list(test, "alert_rule_test")) {
                String alert = (String) ruleTest.get("alertname");
                (list(ruleTest, "exp_alerts").isEmpty() ? silent : firing).add(alert);
            }
        }
        assertThat(alertNames()).isNotEmpty();
        assertThat(firing).as("alerts with a promtool case where they fire").containsAll(alertNames());
        assertThat(silent).as("alerts with a promtool case where they do not fire").containsAll(alertNames());
    }

    @Test
    void everyAlertCarriesSeverityAndRunbook() throws IOException {
        for (Map<String, Object> rule : rules()) {
            String alert = (String) rule.get("alert");
            assertThat(rule).as(alert).containsKeys("expr", "for");
            assertThat(map(rule, "labels").get("severity")).as(alert).isIn("page", "ticket");
            assertThat(map(rule, "annotations")).as(alert).containsKeys("summary", "description");
            assertThat(map(rule, "annotations").get("runbook_url")).as(alert)
                    .asString().endsWith("docs/operating.md#" + alert.toLowerCase());
        }
    }

    @Test
    void thePrometheusRuleCarriesExactlyTheAlertRulesGroups() throws IOException {
        Map<String, Object> resource = yaml(PROMETHEUS_RULE);

        assertThat(resource.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
        assertThat(resource.get("kind")).isEqualTo("PrometheusRule");
        assertThat(map(resource, "metadata").get("name")).isEqualTo("finance-integration-hub");
        assertThat(map(map(resource, "metadata"), "labels"))
                .containsEntry("app.kubernetes.io/name", "finance-integration-hub");
        assertThat(map(resource, "spec").get("groups")).isEqualTo(yaml(ALERTS).get("groups"));
    }

    @Test
    void everyDashboardPanelQueriesTheProvisionedDatasource() throws IOException {
        JsonNode dashboard = dashboard();
        assertThat(dashboard.path("uid").asText()).isEqualTo("finance-integration-hub");
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(39);

        List<JsonNode> panels = queryPanels(dashboard);
        assertThat(panels).hasSizeGreaterThan(10);
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo("prometheus");
            assertThat(panel.path("datasource").path("type").asText()).as(title).isEqualTo("prometheus");
            assertThat(panel.path("targets")).as(title + " targets").isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).as(title + " expr").isNotBlank();
                assertThat(target.path("datasource").path("uid").asText()).as(title).isEqualTo("prometheus");
            }
        }
    }

    /** Grafana would only show "no data" for a query Prometheus refuses, so promtool parses each one first. */
    @Test
    void everyDashboardQueryIsValidPromQl(@TempDir Path dir) throws Exception {
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        int n = 0;
        for (String expr : dashboardExpressions()) {
            // Grafana substitutes its interval variables before sending a query
            String promQl = expr.replace("$__rate_interval", "1m").replace("$__interval", "1m");
            rules.append("      - record: dashboard:query_").append(++n).append('\n')
                    .append("        expr: '").append(promQl.replace("'", "''")).append("'\n");
        }
        Path file = dir.resolve("dashboard-queries.yaml");
        Files.writeString(file, rules);

        assertPromtoolSucceeds("check", "rules", file.toString());
    }

    @Test
    void panelsOfTheAlertedMetersDrawTheAlertThresholds() throws IOException {
        List<JsonNode> panels = queryPanels(dashboard());
        for (Map<String, Object> rule : rules()) {
            String expr = (String) rule.get("expr");
            Matcher metric = HUB_METRIC.matcher(expr);
            Matcher threshold = THRESHOLD.matcher(expr);
            if (!metric.find() || !threshold.find()) {
                continue; // HubReplicaDown compares up == 0: its panel counts replicas, there is no line to draw
            }
            double limit = Double.parseDouble(threshold.group(1));
            // a count alerted above 0 fires from 1, so its stat panel turns red at 1
            boolean drawn = panels.stream()
                    .filter(p -> p.path("targets").findValuesAsText("expr").stream().anyMatch(e -> e.contains(metric.group())))
                    .flatMap(p -> p.path("fieldConfig").path("defaults").path("thresholds").path("steps")
                            .findValues("value").stream())
                    .filter(JsonNode::isNumber)
                    .anyMatch(v -> v.asDouble() == limit || limit == 0 && v.asDouble() == 1);
            assertThat(drawn).as("a panel on %s marks %s's threshold %s", metric.group(), rule.get("alert"), limit)
                    .isTrue();
        }
    }

    @Test
    void everyHubMetricTheAlertsAndTheDashboardUseIsDocumented() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Map<String, Object> rule : rules()) {
            used.addAll(hubMetrics((String) rule.get("expr")));
        }
        for (String expr : dashboardExpressions()) {
            used.addAll(hubMetrics(expr));
        }
        assertThat(used).contains("hub_dead_letters_open", "hub_vendor_calls_seconds", "hub_webhooks_received_total");

        assertThat(METRICS_DOC).as("the meters' reference").exists();
        Set<String> documented = new TreeSet<>();
        // fenced examples hold three backticks each, which would pair the inline spans wrongly
        String prose = Files.readString(METRICS_DOC).replaceAll("(?s)```.*?```", " ");
        Matcher spans = BACKTICKED.matcher(prose);
        while (spans.find()) {
            documented.addAll(hubMetrics(spans.group(1)));
        }
        assertThat(documented).as("metric names backticked in docs/metrics.md").containsAll(used);
    }

    /** Histogram series share their meter's name; `hub_x_seconds_{bucket,count,sum}` documents `hub_x_seconds`. */
    private static Set<String> hubMetrics(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = HUB_METRIC.matcher(text);
        while (m.find()) {
            names.add(m.group().replaceAll("_(bucket|count|sum)$", "").replaceAll("_$", ""));
        }
        return names;
    }

    private static void assertPromtoolSucceeds(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            fail("promtool is not on the PATH; .ci/run installs it with the Debian package prometheus "
                    + "(apt-get install --no-install-recommends prometheus): " + notInstalled.getMessage());
            return;
        }
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(process.exitValue()).as("%s exit code; output:%n%s", String.join(" ", command), output)
                .isZero();
    }

    private static List<Map<String, Object>> rules() throws IOException {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : list(yaml(ALERTS), "groups")) {
            assertThat(group.get("name")).isEqualTo("finance-integration-hub");
            rules.addAll(list(group, "rules"));
        }
        return rules;
    }

    private static Set<String> alertNames() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> rule : rules()) {
            names.add((String) rule.get("alert"));
        }
        return names;
    }

    private static JsonNode dashboard() throws IOException {
        return new ObjectMapper().readTree(Files.readString(DASHBOARD));
    }

    /** Every panel that draws data; rows only group them (collapsed rows keep theirs inside). */
    private static List<JsonNode> queryPanels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asText())) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    private static List<String> dashboardExpressions() throws IOException {
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : queryPanels(dashboard())) {
            exprs.addAll(panel.path("targets").findValuesAsText("expr"));
        }
        assertThat(exprs).isNotEmpty();
        return exprs;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
