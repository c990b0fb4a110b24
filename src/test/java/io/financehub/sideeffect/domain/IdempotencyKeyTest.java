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
        assertThatThrownBy(() -> IdempotencyKey.parse("INV-1:post-invoice:evt_1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyWhoseActionIsNoBuiltInOneIsAFlowCallKeepingTheFlowsOwnText() {
        IdempotencyKey key = IdempotencyKey.parse("INV-1:crm-payment-sync");

        assertThat(key.action()).isEqualTo(SideEffectAction.FLOW_CALL);
        assertThat(key.action().channel()).isEqualTo(SideEffectChannel.FLOWS);
        assertThat(key.invoiceId()).isEqualTo("INV-1");
        assertThat(key.flowStep()).isEqualTo("crm-payment-sync");
        assertThat(key.actionName()).isEqualTo("crm-payment-sync");
        assertThat(key.value()).isEqualTo("INV-1:crm-payment-sync");
        assertThat(IdempotencyKey.parse("INV-1:crm-refund-sync:evt_9").actionName()).isEqualTo("crm-refund-sync");
        assertThat(IdempotencyKey.parse("INV-1:crm-refund-sync:evt_9").value()).isEqualTo("INV-1:crm-refund-sync:evt_9");
        assertThat(IdempotencyKey.flowCall("INV-2", "erp-sync")).isEqualTo(IdempotencyKey.parse("INV-2:erp-sync"));
    }

    @Test
    void builtInKeysStillParseAsTheirActionNeverAsAFlowCall() {
        assertThat(IdempotencyKey.parse("INV-1:post-invoice").action()).isEqualTo(SideEffectAction.POST_INVOICE);
        assertThat(IdempotencyKey.parse("INV-1:sms-refund:evt_1").action()).isEqualTo(SideEffectAction.SMS_REFUND);
        assertThat(IdempotencyKey.parse("INV-1:post-invoice").actionName()).isEqualTo("post-invoice");
    }

    @Test
    void aFlowMayNotUseABuiltInActionsNameOrMalformedText() {
        for (String step : new String[] {"post-invoice", "create-payment-intent", "flow-call", "post-refund:evt_1",
                "Crm-Sync", "crm sync", "crm_sync", "-crm", "crm-", "", "crm-sync:"}) {
            assertThatThrownBy(() -> IdempotencyKey.flowCall("INV-1", step)).as(step)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> IdempotencyKey.parse("INV-1:flow-call")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.parse(":crm-sync")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.flowCall("INV-1", "x".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.of("INV-1", SideEffectAction.FLOW_CALL))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
