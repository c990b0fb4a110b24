package io.financehub.webhook;

import io.financehub.platform.config.HubProperties;
import io.financehub.webhook.adapter.WebhookIntake;
import io.financehub.webhook.adapter.WebhookMetrics;
import io.financehub.webhook.adapter.CamelWebhookQueue;
import io.financehub.sms.adapter.JdbcSmsMessageDirectory;
import io.financehub.webhook.adapter.JdbcWebhookEventStore;
import io.financehub.payment.adapter.StripeJsonEventReader;
import io.financehub.payment.adapter.StripeProperties;
import io.financehub.payment.adapter.StripeSignatureVerifier;
import io.financehub.sms.adapter.TwilioFormStatusReader;
import io.financehub.sms.adapter.TwilioProperties;
import io.financehub.sms.adapter.TwilioSignatureVerifier;
import io.financehub.payment.application.PaymentEventUseCase;
import io.financehub.webhook.application.ProcessWebhookEventUseCase;
import io.financehub.webhook.application.ReceiveWebhookUseCase;
import io.financehub.webhook.application.RelayWebhookEventsUseCase;
import io.financehub.sms.application.SmsDeliveryUseCase;
import io.financehub.webhook.application.WebhookEventAdministration;
import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.sms.application.SmsMessageDirectory;
import io.financehub.sms.application.SmsStatusCallbackReader;
import io.financehub.payment.application.StripeEventReader;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.webhook.application.WebhookEventStore;
import io.financehub.webhook.application.WebhookQueue;
import io.financehub.webhook.application.WebhookVerifier;
import io.financehub.webhook.application.WebhookAdministrationService;
import io.financehub.webhook.application.WebhookIngestionService;
import io.financehub.webhook.application.WebhookProcessingService;
import io.financehub.webhook.application.WebhookRelay;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ProducerTemplate;
import io.financehub.webhook.adapter.ConflictSafeMessageIdRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;

/** Webhook ingestion: verifiers, readers, store, queue, use cases and the HTTP intake. */
@Configuration
public class WebhookConfiguration {

    /** Processor name of the processing routes' keys in {@code CAMEL_MESSAGEPROCESSED}. */
    static final String PROCESSED_EVENTS = "webhook-processor";

    @Bean
    StripeSignatureVerifier stripeSignatureVerifier(StripeProperties stripe, Clock clock) {
        return new StripeSignatureVerifier(stripe.webhookSecrets(), stripe.webhookToleranceSeconds(), clock);
    }

    @Bean
    TwilioSignatureVerifier twilioSignatureVerifier(TwilioProperties twilio, HubProperties hub) {
        return new TwilioSignatureVerifier(twilio.authToken(), hub.publicBaseUrl());
    }

    @Bean
    StripeJsonEventReader stripeEventReader() {
        return new StripeJsonEventReader();
    }

    @Bean
    TwilioFormStatusReader smsStatusCallbackReader() {
        return new TwilioFormStatusReader();
    }

    /** On the embedded H2 file database, new events are forced to the disk before they are acknowledged. */
    @Bean
    JdbcWebhookEventStore webhookEventStore(JdbcTemplate jdbc,
                                            @Value("${spring.datasource.url:}") String datasourceUrl) {
        return new JdbcWebhookEventStore(jdbc, datasourceUrl.startsWith("jdbc:h2:file:"), PROCESSED_EVENTS);
    }

    @Bean
    JdbcSmsMessageDirectory smsMessageDirectory(JdbcTemplate jdbc) {
        return new JdbcSmsMessageDirectory(jdbc);
    }

    @Bean
    CamelWebhookQueue webhookQueue(ProducerTemplate producer) {
        return new CamelWebhookQueue(producer);
    }

    @Bean
    ReceiveWebhookUseCase receiveWebhookUseCase(List<WebhookVerifier> verifiers, StripeEventReader stripeEvents,
                                                SmsStatusCallbackReader smsCallbacks, WebhookEventStore store,
                                                WebhookQueue queue, Clock clock) {
        return new WebhookIngestionService(verifiers, stripeEvents, smsCallbacks, store, queue, clock);
    }

    /** Named for the processing routes: {@code bean: {ref: webhookEventProcessor, method: process}}. */
    @Bean
    ProcessWebhookEventUseCase webhookEventProcessor(WebhookEventStore store, StripeEventReader stripeEvents,
                                                     SmsStatusCallbackReader smsCallbacks,
                                                     PaymentEventUseCase payments, SmsDeliveryUseCase smsDeliveries,
                                                     InvoiceRepository invoices, SmsMessageDirectory smsMessages,
                                                     Clock clock) {
        return new WebhookProcessingService(store, stripeEvents, smsCallbacks, payments, smsDeliveries, invoices,
                smsMessages, clock);
    }

    @Bean
    WebhookEventAdministration webhookEventAdministration(WebhookEventStore store,
                                                          ProcessWebhookEventUseCase processing) {
        return new WebhookAdministrationService(store, processing);
    }

    /** Named for the {@code webhook-relay} route. */
    @Bean
    RelayWebhookEventsUseCase webhookRelay(WebhookEventStore store, WebhookQueue queue, TransactionRunner tx,
                                           WebhookProperties webhook) {
        return new WebhookRelay(store, queue, tx, webhook.relayAfter());
    }

    @Bean
    WebhookMetrics webhookMetrics(MeterRegistry registry) {
        return new WebhookMetrics(registry);
    }

    @Bean
    WebhookIntake webhookIntake(ReceiveWebhookUseCase ingestion, WebhookProperties webhook, WebhookMetrics metrics) {
        return new WebhookIntake(ingestion, webhook.maxBytes(), metrics);
    }

    /** The processing routes' idempotent-consumer store on {@code CAMEL_MESSAGEPROCESSED} (created by Flyway). */
    @Bean
    JdbcMessageIdRepository webhookMessageIds(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new ConflictSafeMessageIdRepository(jdbc, new TransactionTemplate(transactionManager), PROCESSED_EVENTS);
    }
}
