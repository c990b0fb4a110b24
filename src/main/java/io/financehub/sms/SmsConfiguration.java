package io.financehub.sms;

import io.financehub.sms.adapter.JdbcSmsDeliveryLog;
import io.financehub.sms.adapter.JdbcSmsMessageLog;
import io.financehub.sms.adapter.PropertiesSmsTemplates;
import io.financehub.sms.adapter.SandboxSmsSender;
import io.financehub.sms.adapter.TwilioSmsSender;
import io.financehub.sms.application.SmsDeliveryLog;
import io.financehub.sms.application.SmsDeliveryService;
import io.financehub.sms.application.SmsDeliveryUseCase;
import io.financehub.sms.application.SmsNotificationHandler;
import io.financehub.sms.application.SmsTemplates;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.platform.config.HubProperties;
import io.financehub.sms.adapter.JdbcSmsOperatorActionLog;
import io.financehub.sms.adapter.SandboxSmsStatusCallbacks;
import io.financehub.sms.adapter.TwilioProperties;
import io.financehub.sms.application.SmsMessageAdministration;
import io.financehub.sideeffect.application.SideEffectDispatch;
import io.financehub.sideeffect.application.SideEffectRepository;
import io.financehub.sms.application.SmsMessageLog;
import io.financehub.sms.application.SmsOperatorActionLog;
import io.financehub.sms.application.SmsSender;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.sms.application.SmsMessageService;
import io.financehub.sms.application.SmsDeadLetterRetry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * SMS: the notification side effect on Twilio or the in-process sandbox (chosen by {@code HUB_TWILIO_MODE}), its
 * templates, delivery statuses, operators' reconciliation of messages, and the sandbox's status callbacks.
 */
@Configuration
public class SmsConfiguration {

    static final String STATUS_CALLBACK_PATH = "/webhooks/twilio/sms-status";

    @Bean
    SmsSender smsSender(TwilioProperties twilio, JdbcTemplate jdbc, CamelContext camel, ProducerTemplate producer) {
        if (twilio.live()) {
            return TwilioSmsSender.onCamel(camel, producer, twilio);
        }
        return new SandboxSmsSender(jdbc, producer, twilio.sandboxCallbackDelay(), twilio.canSignCallbacks());
    }

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
    JdbcSmsMessageLog smsMessageLog(JdbcTemplate jdbc) {
        return new JdbcSmsMessageLog(jdbc);
    }

    @Bean
    JdbcSmsDeliveryLog smsDeliveryLog(JdbcTemplate jdbc) {
        return new JdbcSmsDeliveryLog(jdbc);
    }

    @Bean
    SmsNotificationHandler smsNotificationHandler(SmsSender sender, SmsMessageLog messages, SmsTemplates templates,
                                                  InvoiceRepository invoices, HubProperties hub) {
        return new SmsNotificationHandler(sender, messages, templates, invoices,
                hub.publicBaseUrl() + STATUS_CALLBACK_PATH);
    }

    @Bean
    SmsDeliveryUseCase smsDeliveryUseCase(SmsDeliveryLog deliveries) {
        return new SmsDeliveryService(deliveries);
    }

    @Bean
    JdbcSmsOperatorActionLog smsOperatorActionLog(JdbcTemplate jdbc) {
        return new JdbcSmsOperatorActionLog(jdbc);
    }

    @Bean
    SmsMessageAdministration smsMessageAdministration(SmsMessageLog messages, SmsSender sender,
                                                      SideEffectRepository sideEffects, SideEffectDispatch dispatch,
                                                      SmsOperatorActionLog actions, TransactionRunner tx,
                                                      Clock clock) {
        return new SmsMessageService(messages, sender, sideEffects, dispatch, actions, tx, clock);
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
    SandboxSmsStatusCallbacks sandboxSmsStatusCallbacks(JdbcTemplate jdbc, TwilioProperties twilio, HubProperties hub,
                                                        Environment env) {
        Supplier<String> target = () -> twilio.sandboxCallbackUrl().isBlank()
                ? "http://127.0.0.1:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"))
                        + SandboxSmsStatusCallbacks.WEBHOOK_PATH
                : twilio.sandboxCallbackUrl();
        return new SandboxSmsStatusCallbacks(jdbc, twilio, hub.publicBaseUrl(), target);
    }
}
