package io.financehub.payment.adapter;

import io.financehub.webhook.application.MalformedWebhookException;
import io.financehub.webhook.application.WebhookEnvelope;
import io.financehub.payment.domain.PaymentEvent;
import io.financehub.support.WebhookSigner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StripeJsonEventReaderTest {

    final StripeJsonEventReader reader = new StripeJsonEventReader();

    static String event(String id, String type, String object) {
        return new String(WebhookSigner.stripeEvent(id, type, object), StandardCharsets.UTF_8);
    }

    @Test
    void readsTheEnvelopeOfAPaymentIntentEvent() {
        WebhookEnvelope envelope = reader.envelope(event("evt_1", "payment_intent.succeeded",
                WebhookSigner.paymentIntent("pi_1", "INV-1", 100)));
        assertThat(envelope).isEqualTo(new WebhookEnvelope("evt_1", "payment_intent.succeeded", "INV-1", "pi_1"));
    }

    @Test
    void aChargeRefersToItsPaymentIntentEvenWhenExpanded() {
        assertThat(reader.envelope(event("evt_2", "charge.refunded", WebhookSigner.charge("ch_1", "pi_9", null, 100, 40)))
                .objectRef()).isEqualTo("pi_9");
        assertThat(reader.envelope(event("evt_3", "charge.refunded",
                "{\"id\":\"ch_1\",\"object\":\"charge\",\"payment_intent\":{\"id\":\"pi_8\"}}")).objectRef())
                .isEqualTo("pi_8");
    }

    @Test
    void anInvoiceIdTooLongForAHubInvoiceIsNotKept() {
        assertThat(reader.envelope(event("evt_4", "payment_intent.succeeded",
                WebhookSigner.paymentIntent("pi_1", "I".repeat(65), 100))).invoiceId()).isNull();
    }

    @Test
    void refusesWhatIsNotAStripeEvent() {
        assertMalformed("{oops", "not valid JSON");
        assertMalformed("[1,2]", "not a JSON object");
        assertMalformed("{\"not\":\"an event\"}", "no id");
        assertMalformed("{\"id\":\"evt_1\",\"data\":{\"object\":{}}}", "no type");
        assertMalformed("{\"id\":\"evt_1\",\"type\":\"x\"}", "no data.object");
        assertMalformed("{\"id\":\"evt_1\",\"type\":\"x\",\"data\":{\"object\":[]}}", "no data.object");
        assertMalformed("{\"id\":\"evt_1\",\"object\":\"charge\",\"type\":\"x\",\"data\":{\"object\":{}}}",
                "not a Stripe event");
        assertMalformed("{\"id\":7,\"type\":\"x\",\"data\":{\"object\":{}}}", "no id");
        assertMalformed(event("evt_" + "x".repeat(10_000), "x", "{}"), "longer than 255");
        assertMalformed(event("evt_1", "t".repeat(129), "{}"), "longer than 128");
        assertMalformed("{\"id\":\"evt_1\",\"id\":\"evt_2\",\"type\":\"x\",\"data\":{\"object\":{}}}", "not valid JSON");
    }

    @Test
    void readsEachHandledPaymentEvent() {
        assertThat(reader.paymentEvent(event("evt_s", "payment_intent.succeeded",
                WebhookSigner.paymentIntent("pi_1", "INV-1", 100)))).contains(
                new PaymentEvent("evt_s", PaymentEvent.Type.PAYMENT_SUCCEEDED, "INV-1", "pi_1", 0));
        assertThat(reader.paymentEvent(event("evt_f", "payment_intent.payment_failed",
                WebhookSigner.paymentIntent("pi_1", "INV-1", 100)))).contains(
                new PaymentEvent("evt_f", PaymentEvent.Type.PAYMENT_FAILED, "INV-1", "pi_1", 0));
        assertThat(reader.paymentEvent(event("evt_r", "charge.refunded",
                WebhookSigner.charge("ch_1", "pi_1", null, 100, 30)))).contains(
                new PaymentEvent("evt_r", PaymentEvent.Type.CHARGE_REFUNDED, null, "pi_1", 30));
    }

    @Test
    void otherTypesAreNotPaymentEvents() {
        assertThat(reader.paymentEvent(event("evt_c", "customer.created", "{\"id\":\"cus_1\"}"))).isEmpty();
    }

    @Test
    void aRefundWithoutItsAmountCannotBeApplied() {
        assertThatThrownBy(() -> reader.paymentEvent(event("evt_r", "charge.refunded", "{\"id\":\"ch_1\"}")))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("amount_refunded");
        assertThatThrownBy(() -> reader.paymentEvent(event("evt_r", "charge.refunded",
                "{\"id\":\"ch_1\",\"amount_refunded\":-5}"))).isInstanceOf(MalformedWebhookException.class);
        assertThatThrownBy(() -> reader.paymentEvent(event("evt_r", "charge.refunded",
                "{\"id\":\"ch_1\",\"amount_refunded\":1.5}"))).isInstanceOf(MalformedWebhookException.class);
    }

    private void assertMalformed(String payload, String message) {
        assertThatThrownBy(() -> reader.envelope(payload)).isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining(message);
    }
}
