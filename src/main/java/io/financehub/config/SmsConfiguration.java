package io.financehub.config;

import io.financehub.adapter.out.persistence.JdbcSmsOperatorActionLog;
import io.financehub.adapter.out.twilio.SandboxSmsStatusCallbacks;
import io.financehub.adapter.out.twilio.TwilioProperties;
import io.financehub.application.port.in.SmsMessageAdministration;
import io.financehub.application.service.SideEffectDispatch;
import io.financehub.application.port.out.SideEffectRepository;
import io.financehub.application.port.out.SmsMessageLog;
import io.financehub.application.port.out.SmsOperatorActionLog;
import io.financehub.application.port.out.SmsSender;
import io.financehub.application.port.out.TransactionRunner;
import io.financehub.application.service.SmsMessageService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.function.Supplier;

/** SMS beyond the sender itself: operators' reconciliation of SMS messages and the sandbox's status callbacks. */
@Configuration
public class SmsConfiguration {

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
