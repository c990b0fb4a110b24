package io.financehub.payment;

import io.financehub.event.application.DomainEventOutbox;
import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.payment.adapter.CamelStripeEventFeed;
import io.financehub.payment.adapter.JdbcPaymentAttemptLog;
import io.financehub.payment.adapter.JdbcStripeRecoveryCursor;
import io.financehub.payment.adapter.MeteredStripeRecovery;
import io.financehub.payment.adapter.JdbcRefundLedger;
import io.financehub.payment.adapter.SandboxPaymentGateway;
import io.financehub.payment.adapter.StripeJsonEventReader;
import io.financehub.payment.adapter.StripePaymentGateway;
import io.financehub.payment.adapter.StripePaymentIntents;
import io.financehub.payment.adapter.StripeEvents;
import io.financehub.payment.adapter.StripeProperties;
import io.financehub.payment.adapter.StripeRecoveryProperties;
import io.financehub.payment.adapter.StripeSignatureVerifier;
import io.financehub.payment.application.PaymentAttemptLog;
import io.financehub.payment.application.PaymentEventService;
import io.financehub.payment.application.PaymentGateway;
import io.financehub.payment.application.PaymentIntentHandler;
import io.financehub.payment.application.RefundLedger;
import io.financehub.payment.application.StripeEventReader;
import io.financehub.payment.application.StripeEventRecovery;
import io.financehub.payment.application.StripeWebhookSource;
import io.financehub.platform.metrics.RecoveryMetrics;
import io.financehub.platform.persistence.JdbcJobLease;
import io.financehub.platform.persistence.SingleReplicaSchedule;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.sideeffect.application.SideEffectDispatch;
import io.financehub.sideeffect.application.SideEffectRepository;
import io.financehub.webhook.application.WebhookIngestionService;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import java.time.Clock;

/**
 * Payments: the Stripe PaymentIntent side effect, payment events applied to invoices, their tables, and Stripe's
 * webhooks (the {@link StripeWebhookSource} the webhook capability ingests and processes), and the recovery of the
 * events whose webhook never arrived, from Stripe's own event list.
 */
@Configuration
// adapters whose only constructor takes beans Spring already has (JdbcTemplate, ProducerTemplate)
@Import({JdbcPaymentAttemptLog.class, JdbcRefundLedger.class})
public class PaymentConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentConfiguration.class);

    /** Chosen by {@code HUB_STRIPE_MODE}: {@code sandbox} (default, in process) or {@code live}. */
    @Bean
    PaymentGateway paymentGateway(StripeProperties stripe, ProducerTemplate producer) {
        return stripe.live() ? new StripePaymentGateway(producer, stripe) : new SandboxPaymentGateway();
    }

    /** Named for the routes of {@code stripe-create-payment-intent.camel.yaml} and {@code stripe-search-payment-intents.camel.yaml}, which start in every mode. */
    @Bean
    StripePaymentIntents stripePaymentIntents(StripeProperties stripe) {
        return stripe.live() ? StripePaymentIntents.live(stripe) : StripePaymentIntents.disabled();
    }

    /** Named for the route of {@code stripe-list-events.camel.yaml}, which starts in every mode. */
    @Bean
    StripeEvents stripeEvents(StripeProperties stripe) {
        return stripe.live() ? StripeEvents.live(stripe) : StripeEvents.disabled();
    }

    @Bean
    StripeEventRecovery stripeEventRecoveryService(ProducerTemplate producer, JdbcTemplate jdbc,
                                                   WebhookIngestionService ingestion, StripeRecoveryProperties recovery,
                                                   Clock clock) {
        return new StripeEventRecovery(new CamelStripeEventFeed(producer), new JdbcStripeRecoveryCursor(jdbc, clock),
                ingestion, clock, recovery.margin(), recovery.lookback(), recovery.maxPages());
    }

    /** Named for the {@code stripe-event-recovery} timer route; also behind {@code POST /admin/recovery/stripe}. */
    @Bean
    MeteredStripeRecovery stripeEventRecovery(StripeEventRecovery recovery, RecoveryMetrics metrics,
                                              StripeProperties stripe, StripeRecoveryProperties settings,
                                              JdbcTemplate jdbc) {
        return new MeteredStripeRecovery(recovery, metrics, stripe.live(), settings.enabled(),
                new SingleReplicaSchedule(new JdbcJobLease(jdbc), "stripe-event-recovery",
                        SingleReplicaSchedule.replicaName(), settings.period()));
    }

    @Bean
    PaymentIntentHandler paymentIntentHandler(PaymentGateway gateway, PaymentAttemptLog attempts,
                                              InvoiceRepository invoices, Clock clock) {
        return new PaymentIntentHandler(gateway, attempts, invoices, clock);
    }

    @Bean
    PaymentEventService paymentEventService(InvoiceRepository invoices, RefundLedger refunds,
                                            SideEffectRepository sideEffects, SideEffectDispatch dispatch,
                                            DomainEventOutbox events, TransactionRunner tx, Clock clock) {
        return new PaymentEventService(invoices, refunds, sideEffects, dispatch, events, tx, clock);
    }

    @Bean
    StripeJsonEventReader stripeEventReader() {
        return new StripeJsonEventReader();
    }

    @Bean
    StripeWebhookSource stripeWebhookSource(StripeProperties stripe, Clock clock, StripeEventReader events,
                                            PaymentEventService payments, InvoiceRepository invoices) {
        if (stripe.usesSandboxWebhookSecret()) {
            // logged like the generated credentials: the one value a newcomer needs to sign a sandbox event
            LOG.warn("HUB_STRIPE_WEBHOOK_SECRETS is not set; Stripe sandbox mode verifies webhooks with the sandbox "
                    + "secret: {}", StripeProperties.SANDBOX_WEBHOOK_SECRET);
        }
        StripeSignatureVerifier signatures = StripeSignatureVerifier.of(stripe, clock);
        return new StripeWebhookSource(signatures, events, payments, invoices);
    }
}
