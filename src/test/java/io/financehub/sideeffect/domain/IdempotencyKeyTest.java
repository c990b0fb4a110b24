package io.financehub.sideeffect.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeyTest {

    @Test
    void keysFollowTheDocumentedFormat() {
        assertThat(IdempotencyKey.of("INV-1", SideEffectAction.CREATE_PAYMENT_INTENT).value())
                .isEqualTo("INV-1:create-payment-intent");
        assertThat(IdempotencyKey.of("INV-1", SideEffectAction.POST_REFUND, "evt_9").value())
                .isEqualTo("INV-1:post-refund:evt_9");
        assertThat(IdempotencyKey.of("INV-1", SideEffectAction.SMS_INVOICE_ISSUED).action().channel())
                .isEqualTo(SideEffectChannel.SMS);
    }

    @Test
    void parsesWhatItPrints() {
        for (String text : new String[] {"INV.1_a-b:post-invoice", "X:sms-refund:evt_1:with:colons"}) {
            assertThat(IdempotencyKey.parse(text).value()).isEqualTo(text);
        }
    }

    @Test
    void perEventActionsNeedAnEventAndOthersRefuseOne() {
        assertThatThrownBy(() -> IdempotencyKey.of("INV-1", SideEffectAction.POST_REFUND))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.of("INV-1", SideEffectAction.POST_PAYMENT, "evt"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.parse("INV-1:launch-rocket"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
