package io.financehub.webhook;

import io.financehub.platform.metrics.MetricsProperties;
import io.financehub.platform.metrics.PeriodicSample;
import io.financehub.platform.persistence.BoundedJdbcTemplate;
import io.financehub.platform.persistence.DatabaseProperties;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.platform.web.HttpAnswers;
import io.financehub.webhook.adapter.CamelWebhookQueue;
import io.financehub.webhook.adapter.ConflictSafeMessageIdRepository;
import io.financehub.webhook.adapter.JdbcWebhookEventStore;
import io.financehub.webhook.adapter.WebhookEventGauges;
import io.financehub.webhook.adapter.WebhookIntake;
import io.financehub.webhook.adapter.WebhookMetrics;
import io.financehub.webhook.application.WebhookAdministrationService;
import io.financehub.webhook.application.WebhookEventStore;
import io.financehub.webhook.application.WebhookIngestionService;
import io.financehub.webhook.application.WebhookProcessingService;
import io.financehub.webhook.application.WebhookQueue;
import io.financehub.webhook.application.WebhookRelay;
import io.financehub.webhook.application.WebhookSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;

/**
 * Webhook ingestion: store, queue, ingestion, processing, relay and administration. The providers' own parts, each a
 * {@link WebhookSource}, are wired by the capability that owns them (payment for Stripe, sms for Twilio).
 */
@Configuration
// adapters whose only constructor takes beans Spring already has (JdbcTemplate, ProducerTemplate)
@Import({CamelWebhookQueue.class})
public class WebhookConfiguration {

    /** Processor name of the processing routes' keys in {@code CAMEL_MESSAGEPROCESSED}. */
    static final String PROCESSED_EVENTS = "webhook-processor";

    /** On the embedded H2 file database, new events are forced to the disk before they are acknowledged. */
    @Bean
    JdbcWebhookEventStore webhookEventStore(DataSource dataSource, DatabaseProperties database,
                                            @Value("${spring.datasource.url:}") String datasourceUrl) {
        // the intake waits on its insert: bounded, so a stalled database is a quick 503, not a hung request
        return new JdbcWebhookEventStore(new BoundedJdbcTemplate(dataSource, database.requestTimeout()),
                datasourceUrl.startsWith("jdbc:h2:file:"), PROCESSED_EVENTS);
    }

    @Bean
    WebhookIngestionService webhookIngestion(List<WebhookSource> sources, WebhookEventStore store, WebhookQueue queue,
                                             Clock clock) {
        return new WebhookIngestionService(sources, store, queue, clock);
    }

    /** Named for the processing routes: {@code bean: {ref: webhookEventProcessor, method: process}}. */
    @Bean
    WebhookProcessingService webhookEventProcessor(List<WebhookSource> sources, WebhookEventStore store, Clock clock) {
        return new WebhookProcessingService(sources, store, clock);
    }

    @Bean
    WebhookAdministrationService webhookEventAdministration(WebhookEventStore store,
                                                            WebhookProcessingService processing) {
        return new WebhookAdministrationService(store, processing);
    }

    /** Named for the {@code webhook-relay} route. */
    @Bean
    WebhookRelay webhookRelay(WebhookEventStore store, WebhookQueue queue, TransactionRunner tx,
                              WebhookProperties webhook) {
        return new WebhookRelay(store, queue, tx, webhook.relayAfter());
    }

    /** Named for the intake routes: {@code bean: {ref: webhookIntake, method: stripe}}. */
    @Bean
    WebhookIntake webhookIntake(WebhookIngestionService ingestion, HttpAnswers answers, WebhookMetrics metrics,
                                WebhookProperties webhook) {
        return new WebhookIntake(ingestion, answers, metrics, webhook.maxBytes(), webhook.maxConcurrent());
    }

    @Bean
    WebhookMetrics webhookMetrics(MeterRegistry registry) {
        return new WebhookMetrics(registry);
    }

    /** Stored events by status and the backlog, read every sample period. */
    @Bean
    PeriodicSample webhookEventSample(JdbcTemplate jdbc, MeterRegistry registry, MetricsProperties metrics) {
        WebhookEventGauges gauges = new WebhookEventGauges(jdbc, registry);
        return new PeriodicSample("webhook events", metrics.samplePeriod(), gauges::sample);
    }

    /** The processing routes' idempotent-consumer store on {@code CAMEL_MESSAGEPROCESSED} (created by Flyway). */
    @Bean
    JdbcMessageIdRepository webhookMessageIds(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new ConflictSafeMessageIdRepository(jdbc, new TransactionTemplate(transactionManager), PROCESSED_EVENTS);
    }
}
