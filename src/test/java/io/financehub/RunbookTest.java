package io.financehub;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/operating.md answers every alert: one heading per alert name (its anchor is the alert's runbook_url), and the
 * documents and anchors it links inside docs/ exist.
 */
class RunbookTest {

    private static final Path RUNBOOK = Path.of("docs/operating.md");
    private static final Path ALERTS = Path.of("docker/prometheus/alerts.yaml");
    /** The alerts the hub ships, by name. */
    private static final List<String> ALERT_NAMES = List.of("HubDeadLettersOpen", "HubUnknownSms",
            "HubSideEffectStuckInProgress", "HubWebhookInvalidSignatureSpike", "HubOutboxBacklogGrowing",
            "HubReconciliationDifference", "HubVendorErrorRate", "HubReplicaDown", "HubRecoveryFailing",
            "HubRetentionNotRunning");

    @Test
    void everyAlertHasItsOwnHeading() throws IOException {
        List<String> headings = headings(Files.readString(RUNBOOK));

        assertThat(headings).containsAll(ALERT_NAMES);
        assertThat(headings).doesNotHaveDuplicates();
    }

    @Test
    void everyRuleOfTheAlertFileLinksItsHeading() throws IOException {
        List<String> headings = headings(Files.readString(RUNBOOK));
        Map<String, Object> file = new Yaml().load(Files.readString(ALERTS));
        List<String> alerts = new ArrayList<>();
        for (Object group : (List<?>) file.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                Map<?, ?> alert = (Map<?, ?>) rule;
                if (alert.get("alert") == null) {
                    continue;
                }
                String name = alert.get("alert").toString();
                alerts.add(name);
                assertThat(headings).as("heading for %s", name).contains(name);
                Object url = ((Map<?, ?>) alert.get("annotations")).get("runbook_url");
                assertThat(url).as("runbook_url of %s", name).asString()
                        .endsWith("docs/operating.md#" + name.toLowerCase());
            }
        }
        assertThat(alerts).containsExactlyInAnyOrderElementsOf(ALERT_NAMES);
    }

    @Test
    void linksBetweenTheDocumentsResolve() throws IOException {
        for (Path doc : List.of(RUNBOOK, Path.of("docs/getting-started.md"))) {
            Matcher link = Pattern.compile("\\]\\(([a-z-]+\\.md)?(#[a-z0-9-]+)?\\)").matcher(Files.readString(doc));
            while (link.find()) {
                Path target = link.group(1) == null ? doc : doc.resolveSibling(link.group(1));
                assertThat(target).as("%s links %s", doc, link.group()).exists();
                if (link.group(2) != null) {
                    assertThat(anchors(Files.readString(target))).as("%s links %s", doc, link.group())
                            .contains(link.group(2).substring(1));
                }
            }
        }
    }

    private static List<String> headings(String markdown) {
        return markdown.lines().filter(line -> line.startsWith("#")).map(line -> line.replaceFirst("^#+\\s*", ""))
                .toList();
    }

    /** GitHub's anchors: lower case, punctuation dropped, spaces to hyphens. */
    private static List<String> anchors(String markdown) {
        return headings(markdown).stream().map(h -> h.toLowerCase().replaceAll("[^a-z0-9 -]", "").replace(' ', '-'))
                .toList();
    }
}
