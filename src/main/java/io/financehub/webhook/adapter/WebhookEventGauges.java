package io.financehub.webhook.adapter;

import io.financehub.platform.metrics.SampledGauge;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.webhook.domain.WebhookProvider;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code hub.webhook.events} (tags {@code provider}, {@code status}: every {@link WebhookEventStatus}) and
 * {@code hub.outbox.backlog} with {@code kind=webhooks}: events stored and still {@code received}, that is not yet
 * processed.
 */
public class WebhookEventGauges {

    private final JdbcTemplate jdbc;
    private final SampledGauge events;
    private final SampledGauge backlog;

    public WebhookEventGauges(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        List<List<String>> combinations = new ArrayList<>();
        for (WebhookProvider provider : WebhookProvider.values()) {
            for (WebhookEventStatus status : WebhookEventStatus.values()) {
                combinations.add(List.of(provider.dbValue(), status.dbValue()));
            }
        }
        events = SampledGauge.register(registry, "hub.webhook.events", "Stored webhook events by provider and status",
                null, List.of("provider", "status"), combinations);
        backlog = SampledGauge.register(registry, "hub.outbox.backlog", "Rows stored and due that nothing has taken "
                + "from the outbox yet", null, List.of("kind"), List.of(List.of("webhooks")));
    }

    public void sample() {
        Map<List<String>, Long> counts = new HashMap<>();
        jdbc.query("SELECT provider, status, COUNT(*) AS n FROM webhook_events GROUP BY provider, status",
                rs -> {
                    counts.put(List.of(rs.getString("provider"), rs.getString("status")), rs.getLong("n"));
                });
        events.update(counts);
        long received = counts.entrySet().stream()
                .filter(e -> e.getKey().get(1).equals(WebhookEventStatus.RECEIVED.dbValue()))
                .mapToLong(Map.Entry::getValue).sum();
        backlog.update(Map.of(List.of("webhooks"), received));
    }
}
