package io.financehub.sms;

import io.financehub.event.application.DomainEventOutbox;
import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.platform.config.HubProperties;
import io.financehub.platform.metrics.MetricsProperties;
import io.financehub.platform.metrics.PeriodicSample;
import io.financehub.platform.metrics.RecoveryMetrics;
import io.financehub.platform.persistence.JdbcJobLease;
import io.financehub.platform.persistence.SingleReplicaSchedule;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.sideeffect.application.SideEffectDispatch;
import io.financehub.sideeffect.application.SideEffectRepository;
import io.financehub.sms.adapter.JdbcSandboxSmsStore;
import io.financehub.sms.adapter.JdbcSmsDeliveryLog;
import io.financehub.sms.adapter.JdbcSmsMessageDirectory;
import io.financehub.sms.adapter.JdbcSmsMessageLog;
import io.financehub.sms.adapter.JdbcSmsOperatorActionLog;
import io.financehub.sms.adapter.JdbcUnsettledSmsLog;
import io.financehub.sms.adapter.MeteredSmsSettlement;
import io.financehub.sms.adapter.PropertiesSmsTemplates;
import io.financehub.sms.adapter.SandboxSmsSender;
import io.financehub.sms.adapter.SandboxSmsStatusCallbacks;
import io.financehub.sms.adapter.SandboxSmsStore;
import io.financehub.sms.adapter.TwilioFormStatusReader;
import io.financehub.sms.adapter.TwilioMessageFetch;
import io.financehub.sms.adapter.TwilioProperties;
import io.financehub.sms.adapter.TwilioSettlementProperties;
import io.financehub.sms.adapter.TwilioSignatureVerifier;
import io.financehub.sms.adapter.TwilioSmsSender;
import io.financehub.sms.adapter.UnknownSmsGauge;
import io.financehub.sms.application.SmsDeadLetterRetry;
import io.financehub.sms.application.SmsDeliveryLog;
import io.financehub.sms.application.SmsDeliveryService;
import io.financehub.sms.application.SmsMessageAdministration;
import io.financehub.sms.application.SmsMessageDirectory;
import io.financehub.sms.application.SmsMessageLog;
import io.financehub.sms.application.SmsMessageService;
import io.financehub.sms.application.SmsNotificationHandler;
import io.financehub.sms.application.SmsOperatorActionLog;
import io.financehub.sms.application.SmsSender;
import io.financehub.sms.application.SmsSettlement;
import io.financehub.sms.application.SmsStatusCallbackReader;
import io.financehub.sms.application.SmsTemplates;
import io.financehub.sms.application.TwilioWebhookSource;
import io.financehub.webhook.application.WebhookIngestionService;
import io.financehub.webhook.application.WebhookPaths;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * SMS: the notification side effect on Twilio or the in-process sandbox (chosen by {@code HUB_TWILIO_MODE}), its
 * templates, delivery statuses, operators' reconciliation of messages, Twilio's status callbacks (the
 * {@link TwilioWebhookSource} the webhook capability ingests and processes), the sandbox's imitation of them, and
 * the settlement with Twilio of messages whose status callback never came.
 */
@Configuration
// adapters whose only constructor takes beans Spring already has (JdbcTemplate, ProducerTemplate)
@Import({
        JdbcSandboxSmsStore.class,
        JdbcSmsMessageLog.class,
        JdbcSmsDeliveryLog.class,
        JdbcSmsMessageDirectory.class,
        JdbcSmsOperatorActionLog.class
})
public class SmsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SmsConfiguration.class);

    /** {@code hub_sms_unknown}, read every sample period. */
    @Bean
    PeriodicSample unknownSmsSample(JdbcTemplate jdbc, MeterRegistry registry, MetricsProperties metrics) {
        UnknownSmsGauge gauge = new UnknownSmsGauge(jdbc, registry);
        return new PeriodicSample("unknown SMS", metrics.samplePeriod(), gauge::sample);
    }

    @Bean
    SmsSender smsSender(TwilioProperties twilio, SandboxSmsStore sandboxSms, CamelContext camel,
                        ProducerTemplate producer) {
        if (twilio.live()) {
            return TwilioSmsSender.onCamel(camel, producer, twilio);
        }
        // the Twilio routes start in sandbox mode too; their component needs a client it will never use here
        TwilioSmsSender.configureComponent(camel, twilio);
        return new SandboxSmsSender(sandboxSms, producer, twilio.sandboxCallbackDelay(), twilio.canSignCallbacks());
    }

    /** The sandbox vendor's messages; also read by the callbacks of messages sent before a switch to live. */
    @Bean
    public SmsTemplates smsTemplates(@Value("${hub.sms.templates:classpath:sms-templates.properties}") Resource file)
            throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new PropertiesSmsTemplates(properties);
    }

    @Bean
    SmsNotificationHandler smsNotificationHandler(SmsSender sender, SmsMessageLog messages, SmsTemplates templates,
                                                  InvoiceRepository invoices, DomainEventOutbox events,
                                                  HubProperties hub) {
        return new SmsNotificationHandler(sender, messages, templates, invoices, events,
                hub.publicBaseUrl() + WebhookPaths.TWILIO_SMS_STATUS);
    }

    @Bean
    SmsDeliveryService smsDeliveryService(SmsDeliveryLog deliveries, DomainEventOutbox events, TransactionRunner tx) {
        return new SmsDeliveryService(deliveries, events, tx);
    }

    @Bean
    TwilioFormStatusReader smsStatusCallbackReader() {
        return new TwilioFormStatusReader();
    }

    @Bean
    TwilioWebhookSource twilioWebhookSource(TwilioProperties twilio, HubProperties hub,
                                            SmsStatusCallbackReader callbacks, SmsDeliveryService deliveries,
                                            SmsMessageDirectory messages) {
        if (twilio.usesSandboxAuthToken()) {
            // logged like the generated credentials: what signs the sandbox's callbacks, and what a hand-made one needs
            LOG.warn("HUB_TWILIO_AUTH_TOKEN is not set; Twilio sandbox mode signs and verifies status callbacks with "
                    + "the sandbox token: {}", TwilioProperties.SANDBOX_AUTH_TOKEN);
        }
        TwilioSignatureVerifier signatures = TwilioSignatureVerifier.of(twilio, hub.publicBaseUrl());
        return new TwilioWebhookSource(signatures, callbacks, deliveries, messages);
    }

    @Bean
    SmsMessageAdministration smsMessageAdministration(SmsMessageLog messages, SmsSender sender,
                                                      SideEffectRepository sideEffects, SideEffectDispatch dispatch,
                                                      SmsOperatorActionLog actions, TransactionRunner tx,
                                                      Clock clock) {
        return new SmsMessageService(messages, sender, sideEffects, dispatch, actions, tx, clock);
    }

    /** Named for the {@code twilio-sms-settlement} timer route; also behind {@code POST /admin/recovery/twilio}. */
    @Bean
    MeteredSmsSettlement smsSettlement(ProducerTemplate producer, JdbcTemplate jdbc, TwilioProperties twilio,
                                       TwilioSettlementProperties settings, WebhookIngestionService ingestion,
                                       RecoveryMetrics metrics, Clock clock) {
        SmsSettlement settlement = new SmsSettlement(new JdbcUnsettledSmsLog(jdbc),
                new TwilioMessageFetch(producer, twilio), ingestion, clock, settings.settleAfter(),
                settings.batchSize());
        return new MeteredSmsSettlement(settlement, metrics, twilio.live(), settings.enabled(),
                new SingleReplicaSchedule(new JdbcJobLease(jdbc), "twilio-sms-settlement",
                        SingleReplicaSchedule.replicaName(), settings.period()));
    }

    /** The lookup-first retry the dead letters of unknown SMS take. */
    @Bean
    SmsDeadLetterRetry smsDeadLetterRetry(SmsMessageAdministration messages) {
        return new SmsDeadLetterRetry(messages);
    }

    /**
     * Named for the {@code sandbox-sms-status-callbacks} route. Callbacks go to {@code hub.twilio.sandbox-callback-url}
     * when set, else to this hub's own webhook on its local port (read when a callback is sent: the port is known
     * only once the server runs).
     */
    @Bean
    SandboxSmsStatusCallbacks sandboxSmsStatusCallbacks(SandboxSmsStore sandboxSms, TwilioProperties twilio,
                                                        HubProperties hub, Environment env,
                                                        ProducerTemplate producer) {
        Supplier<String> target = () -> twilio.sandboxCallbackUrl().isBlank()
                ? "http://127.0.0.1:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"))
                        + WebhookPaths.TWILIO_SMS_STATUS
                : twilio.sandboxCallbackUrl();
        return new SandboxSmsStatusCallbacks(sandboxSms, twilio, hub.publicBaseUrl(), target, producer);
    }
}
