package io.financehub.config;

import io.financehub.adapter.in.webhook.WebhookIntake;
import io.financehub.adapter.in.webhook.WebhookMetrics;
import io.financehub.adapter.out.messaging.CamelWebhookQueue;
import io.financehub.adapter.out.persistence.JdbcSmsMessageDirectory;
import io.financehub.adapter.out.persistence.JdbcWebhookEventStore;
import io.financehub.adapter.out.stripe.StripeJsonEventReader;
import io.financehub.adapter.out.stripe.StripeProperties;
import io.financehub.adapter.out.stripe.StripeSignatureVerifier;
import io.financehub.adapter.out.twilio.TwilioFormStatusReader;
import io.financehub.adapter.out.twilio.TwilioProperties;
import io.financehub.adapter.out.twilio.TwilioSignatureVerifier;
import io.financehub.application.port.in.PaymentEventUseCase;
import io.financehub.application.port.in.ProcessWebhookEventUseCase;
import io.financehub.application.port.in.ReceiveWebhookUseCase;
import io.financehub.application.port.in.RelayWebhookEventsUseCase;
import io.financehub.application.port.in.SmsDeliveryUseCase;
import io.financehub.application.port.in.WebhookEventAdministration;
import io.financehub.application.port.out.InvoiceRepository;
import io.financehub.application.port.out.SmsMessageDirectory;
import io.financehub.application.port.out.SmsStatusCallbackReader;
import io.financehub.application.port.out.StripeEventReader;
import io.financehub.application.port.out.TransactionRunner;
import io.financehub.application.port.out.WebhookEventStore;
import io.financehub.application.port.out.WebhookQueue;
import io.financehub.application.port.out.WebhookVerifier;
import io.financehub.application.service.WebhookAdministrationService;
import io.financehub.application.service.WebhookIngestionService;
import io.financehub.application.service.WebhookProcessingService;
import io.financehub.application.service.WebhookRelay;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ProducerTemplate;
import io.financehub.adapter.out.persistence.ConflictSafeMessageIdRepository;
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
                                           HubProperties hub) {
        return new WebhookRelay(store, queue, tx, hub.webhook().relayAfter());
    }

    @Bean
    WebhookMetrics webhookMetrics(MeterRegistry registry) {
        return new WebhookMetrics(registry);
    }

    @Bean
    WebhookIntake webhookIntake(ReceiveWebhookUseCase ingestion, HubProperties hub, WebhookMetrics metrics) {
        return new WebhookIntake(ingestion, hub.webhook().maxBytes(), metrics);
    }

    /** The processing routes' idempotent-consumer store on {@code CAMEL_MESSAGEPROCESSED} (created by Flyway). */
    @Bean
    JdbcMessageIdRepository webhookMessageIds(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new ConflictSafeMessageIdRepository(jdbc, new TransactionTemplate(transactionManager), PROCESSED_EVENTS);
    }
}
