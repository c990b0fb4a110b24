package io.financehub.webhook.adapter;

import io.financehub.webhook.domain.WebhookProvider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.List;

/**
 * {@code hub.webhooks.received} (counter; tags {@code provider}, {@code outcome}) and {@code hub.webhooks.ingest}
 * (timer with histogram buckets, so p99 can be computed in Prometheus; tag {@code provider}). Every combination is
 * registered at start, so dashboards see zeros rather than missing series.
 */
public class WebhookMetrics {

    static final String RECEIVED = "hub.webhooks.received";
    static final String INGEST = "hub.webhooks.ingest";
    static final List<String> OUTCOMES = List.of(Outcome.ACCEPTED, Outcome.DUPLICATE, Outcome.INVALID_SIGNATURE,
            Outcome.STALE_TIMESTAMP, Outcome.MALFORMED, Outcome.TOO_LARGE, Outcome.UNAVAILABLE, Outcome.ERROR);

    private final MeterRegistry registry;

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (WebhookProvider provider : WebhookProvider.values()) {
            OUTCOMES.forEach(outcome -> counter(provider, outcome));
            timer(provider);
        }
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void record(WebhookProvider provider, String outcome, Timer.Sample sample) {
        counter(provider, outcome).increment();
        sample.stop(timer(provider));
    }

    private Counter counter(WebhookProvider provider, String outcome) {
        return Counter.builder(RECEIVED).description("Webhook deliveries by provider and outcome")
                .tag("provider", provider.dbValue()).tag("outcome", outcome).register(registry);
    }

    private Timer timer(WebhookProvider provider) {
        return Timer.builder(INGEST).description("Time from request to acknowledgement of a webhook")
                .tag("provider", provider.dbValue()).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /** The {@code outcome} tag's values. */
    static final class Outcome {
        static final String ACCEPTED = "accepted";
        static final String DUPLICATE = "duplicate";
        static final String INVALID_SIGNATURE = "invalid_signature";
        static final String STALE_TIMESTAMP = "stale_timestamp";
        static final String MALFORMED = "malformed";
        static final String TOO_LARGE = "too_large";
        /**
         * nothing stored: the database was out of reach or too many deliveries were being stored at once; answered
         * 503 with Retry-After, the vendor retries
         */
        static final String UNAVAILABLE = "unavailable";
        /** the hub itself failed unexpectedly: answered 500, the vendor retries */
        static final String ERROR = "error";

        private Outcome() {
        }
    }
}
