package io.financehub.sms;

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
