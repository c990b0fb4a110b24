package io.financehub.support;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scrape of {@code /actuator/prometheus} with the metrics account, as Prometheus reads it: a value per series
 * (name and exact label set).
 */
public final class PrometheusScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) {
        this.samples = samples;
    }

    public static PrometheusScrape of(HubClient hub) {
        HttpResponse<String> response = hub.get("/actuator/prometheus", Map.of("Authorization",
                HubClient.basic(HubIntegrationBase.METRICS_USER, HubIntegrationBase.METRICS_PASSWORD)));
        assertThat(response.statusCode()).as("scrape with the metrics account").isEqualTo(200);
        return parse(response.body());
    }

    static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line.trim());
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return new PrometheusScrape(samples);
    }

    /**
     * The value of the one series with this name and exactly these labels ({@code "key", "value", ...}).
     *
     * @throws AssertionError when there is no such series
     */
    public double value(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return samples.stream().filter(s -> s.name.equals(name) && s.labels.equals(wanted)).findFirst()
                .map(s -> s.value).orElseThrow(() -> new AssertionError("no series " + name + wanted));
    }

    /** The value, or 0 when the series does not exist (yet): for counters that appear with their first event. */
    public double valueOrZero(String name, String... labels) {
        try {
            return value(name, labels);
        } catch (AssertionError e) {
            return 0;
        }
    }

    /** The label sets of every series with this name. */
    public List<Map<String, String>> series(String name) {
        return samples.stream().filter(s -> s.name.equals(name)).map(s -> s.labels).toList();
    }

    private record Sample(String name, Map<String, String> labels, double value) {
    }
}
