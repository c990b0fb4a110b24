package io.financehub.sideeffect.adapter;

import io.financehub.sideeffect.application.SideEffectHandler;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectStatus;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VendorCallMetricsTest {

    private static final VendorExchange EXCHANGE = new VendorExchange("request", "response", 200);

    private final MockClock clock = new MockClock();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT,
            new PrometheusRegistry(), clock);
    private final VendorCallMetrics metrics = new VendorCallMetrics(registry, List.of(
            handler("sandbox-twilio", SideEffectAction.SMS_INVOICE_ISSUED, SideEffectAction.SMS_REFUND),
            handler("flow", SideEffectAction.FLOW_CALL)));

    @Test
    void theBuiltInActionsSeriesExistFromTheStartWithBothOutcomes() {
        String scrape = registry.scrape();

        for (String operation : List.of("sms-invoice-issued", "sms-refund")) {
            for (String outcome : List.of("success", "error")) {
                assertThat(scrape).contains("hub_vendor_calls_seconds_count{operation=\"" + operation
                        + "\",outcome=\"" + outcome + "\",vendor=\"sandbox-twilio\"} 0");
            }
        }
        // a flow's name is only known when it calls
        assertThat(scrape).doesNotContain("vendor=\"flow\"");
    }

    @Test
    void eachCallIsTimedUnderItsOutcome() {
        VendorOutcome sent = metrics.measure("sandbox-twilio", "sms-refund", () -> {
            clock.add(Duration.ofMillis(250));
            return new VendorOutcome.Succeeded("SM1", EXCHANGE);
        });
        metrics.measure("sandbox-twilio", "sms-refund", () -> new VendorOutcome.Rejected("21211", "bad number",
                EXCHANGE));
        metrics.measure("sandbox-twilio", "sms-refund", () -> new VendorOutcome.Unknown("timeout", EXCHANGE));
        metrics.measure("sandbox-twilio", "sms-refund", () -> new VendorOutcome.Retryable("429", null, EXCHANGE));

        assertThat(sent.reference()).isEqualTo("SM1");
        Timer success = timer("sms-refund", "success");
        assertThat(success.count()).isEqualTo(1);
        assertThat(success.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(250);
        assertThat(timer("sms-refund", "error").count()).isEqualTo(3);
        String series = "{operation=\"sms-refund\",outcome=\"success\",vendor=\"sandbox-twilio\"";
        assertThat(registry.scrape()).as("a histogram, for quantiles in Prometheus").contains(
                "hub_vendor_calls_seconds_bucket" + series + ",le=\"+Inf\"} 1",
                "hub_vendor_calls_seconds_sum" + series + "} 0.25");
    }

    @Test
    void aFlowsCallAppearsUnderItsFlowsName() {
        metrics.measure("flow", "crm-payment-sync", () -> new VendorOutcome.Succeeded(null, EXCHANGE));

        assertThat(registry.find(VendorCallMetrics.NAME).tags("vendor", "flow", "operation", "crm-payment-sync",
                "outcome", "success").timer().count()).isEqualTo(1);
    }

    private Timer timer(String operation, String outcome) {
        return registry.get(VendorCallMetrics.NAME).tags("vendor", "sandbox-twilio", "operation", operation,
                "outcome", outcome).timer();
    }

    private static SideEffectHandler<String> handler(String vendor, SideEffectAction... actions) {
        return new SideEffectHandler<>() {
            @Override
            public Set<SideEffectAction> actions() {
                return Set.of(actions);
            }

            @Override
            public String vendor() {
                return vendor;
            }

            @Override
            public String subject(SideEffect effect) {
                return effect.invoiceId();
            }

            @Override
            public void onClaim(SideEffect effect, String subject) {
            }

            @Override
            public VendorOutcome perform(SideEffect effect, String subject) {
                throw new UnsupportedOperationException("the meter never calls a handler");
            }

            @Override
            public boolean retriesUnknownOutcome(SideEffect effect) {
                return false;
            }

            @Override
            public void onOutcome(SideEffect effect, String subject, VendorOutcome outcome, SideEffectStatus status) {
            }
        };
    }
}
