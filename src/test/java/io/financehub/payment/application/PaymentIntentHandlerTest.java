package io.financehub.payment.application;

import io.financehub.invoice.application.InMemoryInvoices;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.invoice.domain.Customer;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.invoice.domain.Invoice;
import io.financehub.invoice.domain.Money;
import io.financehub.invoice.domain.PaymentFacts;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stripe remembers an idempotency key for 24 hours only: a repeat after that must look before it creates. */
class PaymentIntentHandlerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Invoice INVOICE = new Invoice("INV-1", new Customer("C", "Ada", null),
            new Money(12500, "USD"), "d", "hash", PaymentFacts.NONE, NOW.minus(Duration.ofDays(2)));

    private final FakeStripe stripe = new FakeStripe();
    // perform() does not touch the attempt log
    private final PaymentIntentHandler handler = new PaymentIntentHandler(stripe, null, new InMemoryInvoices(INVOICE),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void itsSubjectIsTheSideEffectsInvoiceWhichMustExist() {
        assertThat(handler.subject(effect(1, NOW))).isEqualTo(INVOICE);

        SideEffect orphan = new SideEffect(IdempotencyKey.parse("INV-GONE:create-payment-intent"),
                SideEffectStatus.PENDING, 0, Map.of(), null, null, NOW, NOW, null);
        assertThatThrownBy(() -> handler.subject(orphan)).isInstanceOf(IllegalStateException.class)
                .hasMessage("side effect INV-GONE:create-payment-intent has no invoice");
    }

    @Test
    void aRetryAfterStripesKeyWindowFindsTheIntentTheLostAttemptCreatedInsteadOfASecondOne() {
        stripe.existing = "pi_first";

        VendorOutcome outcome = handler.perform(effect(7, NOW.minus(Duration.ofHours(25))), INVOICE);

        assertThat(stripe.created).as("PaymentIntents created").isEmpty();
        assertThat(outcome).isInstanceOfSatisfying(VendorOutcome.Succeeded.class,
                s -> assertThat(s.reference()).isEqualTo("pi_first"));
    }

    @Test
    void aRetryAfterTheKeyWindowCreatesWhenStripeHasNoIntentForTheInvoice() {
        VendorOutcome outcome = handler.perform(effect(7, NOW.minus(Duration.ofDays(3))), INVOICE);

        assertThat(stripe.searches).containsExactly("INV-1");
        assertThat(stripe.created).hasSize(1);
        assertThat(outcome).isInstanceOf(VendorOutcome.Succeeded.class);
    }

    @Test
    void aSearchThatFailsCreatesNothing() {
        stripe.searchFails = true;

        VendorOutcome outcome = handler.perform(effect(7, NOW.minus(Duration.ofHours(30))), INVOICE);

        assertThat(outcome).isInstanceOf(VendorOutcome.Retryable.class);
        assertThat(stripe.created).isEmpty();
    }

    @Test
    void withinTheKeyWindowAndOnTheFirstAttemptTheKeyAloneProtectsAndNothingIsSearched() {
        handler.perform(effect(3, NOW.minus(Duration.ofHours(20))), INVOICE);
        handler.perform(effect(1, NOW.minus(Duration.ofDays(2))), INVOICE);

        assertThat(stripe.searches).isEmpty();
        assertThat(stripe.created).hasSize(2);
    }

    private static SideEffect effect(int attempts, Instant createdAt) {
        return new SideEffect(IdempotencyKey.parse("INV-1:create-payment-intent"), SideEffectStatus.IN_PROGRESS,
                attempts, Map.of(), null, "outcome unknown: Read timed out", createdAt, NOW, null);
    }

    /** Stripe after the key window: every create makes a new PaymentIntent. */
    private static final class FakeStripe implements PaymentGateway {
        final List<String> created = new ArrayList<>();
        final List<String> searches = new ArrayList<>();
        String existing;
        boolean searchFails;

        @Override
        public String vendor() {
            return "fake-stripe";
        }

        @Override
        public Optional<String> findPaymentIntent(String invoiceId) {
            searches.add(invoiceId);
            if (searchFails) {
                throw new LookupFailedException("HTTP 503", null);
            }
            return Optional.ofNullable(existing);
        }

        @Override
        public VendorOutcome createPaymentIntent(PaymentIntentRequest request) {
            String id = "pi_" + (created.size() + 2);
            created.add(id);
            return new VendorOutcome.Succeeded(id, new VendorExchange("POST /v1/payment_intents", "{}", 200));
        }
    }
}
