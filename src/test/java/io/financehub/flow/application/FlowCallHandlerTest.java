package io.financehub.flow.application;

import io.financehub.flow.domain.FlowCall;
import io.financehub.flow.domain.UnknownOutcomePolicy;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The flow-call handler: what it sends is the side effect's stored call, and its unknown-outcome policy. */
class FlowCallHandlerTest {

    private final List<String> sent = new ArrayList<>();
    private final List<String> audit = new ArrayList<>();
    private final FlowCallHandler handler = new FlowCallHandler((key, call) -> {
        sent.add(key + " -> " + call.endpointUri() + " " + call.body() + " " + call.idempotencyKeyHeader());
        return new VendorOutcome.Succeeded(null, new VendorExchange("req", "ok", 200));
    }, new FlowCallLog() {
        @Override
        public void started(String invoiceId, String idempotencyKey, int attempt, FlowCall call) {
            audit.add("started " + invoiceId + " " + idempotencyKey + " #" + attempt + " " + call.endpointUri());
        }

        @Override
        public void finished(String idempotencyKey, int attempt, VendorOutcome outcome, SideEffectStatus status) {
            audit.add("finished " + idempotencyKey + " #" + attempt + " " + status.dbValue());
        }
    });

    @Test
    void handlesFlowCallsOnly() {
        assertThat(handler.actions()).containsExactly(SideEffectAction.FLOW_CALL);
    }

    @Test
    void sendsTheStoredCallUnderItsKeyAndAuditsEachAttempt() {
        SideEffect effect = effect(UnknownOutcomePolicy.RETRY_SAME_KEY, 2);
        FlowCall call = handler.subject(effect);

        handler.onClaim(effect, call);
        VendorOutcome outcome = handler.perform(effect, call);
        handler.onOutcome(effect, call, outcome, SideEffectStatus.SUCCEEDED);

        assertThat(sent).containsExactly("INV-1:crm-payment-sync -> direct:crm-post-payment {\"eventId\":\"e1\"} "
                + "Idempotency-Key");
        assertThat(audit).containsExactly("started INV-1 INV-1:crm-payment-sync #2 direct:crm-post-payment",
                "finished INV-1:crm-payment-sync #2 succeeded");
    }

    @Test
    void retriesAnUnknownOutcomeOnlyWhenTheFlowDeclaredRetrySameKey() {
        assertThat(handler.retriesUnknownOutcome(effect(UnknownOutcomePolicy.RETRY_SAME_KEY, 1))).isTrue();
        assertThat(handler.retriesUnknownOutcome(effect(UnknownOutcomePolicy.MARK_UNKNOWN, 1))).isFalse();
    }

    private static SideEffect effect(UnknownOutcomePolicy policy, int attempts) {
        FlowCall call = new FlowCall("direct:crm-post-payment", "{\"eventId\":\"e1\"}", "application/json", policy,
                "Idempotency-Key");
        return new SideEffect(IdempotencyKey.parse("INV-1:crm-payment-sync"), SideEffectStatus.IN_PROGRESS, attempts,
                call.toParameters(), null, null, Instant.parse("2026-01-01T00:00:00Z"), null, null);
    }
}
