package io.financehub.flow.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowCallTest {

    @Test
    void theStoredParametersGiveBackTheSameCall() {
        FlowCall call = new FlowCall("direct:crm-post-payment", "{\"a\":1}", "application/json",
                UnknownOutcomePolicy.MARK_UNKNOWN, "Idempotency-Key");

        assertThat(FlowCall.fromParameters(call.toParameters())).isEqualTo(call);
        assertThat(call.toParameters()).containsEntry("uri", "direct:crm-post-payment")
                .containsEntry("unknownOutcome", "mark-unknown").containsEntry("idempotencyKeyHeader", "Idempotency-Key");
        assertThat(call.retriesUnknownOutcome()).isFalse();
    }

    @Test
    void anEmptyHeaderOrContentTypeIsNoneAndAMissingBodyIsEmpty() {
        FlowCall call = new FlowCall("direct:x", null, "", UnknownOutcomePolicy.RETRY_SAME_KEY, "");

        assertThat(call.idempotencyKeyHeader()).isNull();
        assertThat(call.contentType()).isNull();
        assertThat(call.body()).isEmpty();
        assertThat(call.toParameters()).doesNotContainKeys("idempotencyKeyHeader", "contentType");
        assertThat(call.retriesUnknownOutcome()).isTrue();
    }

    @Test
    void refusesWhatItCannotSend() {
        assertThatThrownBy(() -> new FlowCall(" ", "", null, UnknownOutcomePolicy.RETRY_SAME_KEY, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlowCall("direct:x", "x".repeat(FlowCall.MAX_BODY_CHARS + 1), null,
                UnknownOutcomePolicy.RETRY_SAME_KEY, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlowCall.fromParameters(Map.of("uri", "direct:x", "unknownOutcome", "retry")))
                .hasMessageContaining("retry-same-key or mark-unknown");
    }
}
