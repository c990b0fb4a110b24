package io.financehub.config;

import io.financehub.adapter.out.accounting.AccountingProperties;
import io.financehub.adapter.out.accounting.SandboxAccountingLedger;
import io.financehub.adapter.out.stripe.SandboxPaymentGateway;
import io.financehub.adapter.out.stripe.StripePaymentGateway;
import io.financehub.adapter.out.stripe.StripeProperties;
import io.financehub.adapter.out.twilio.PropertiesSmsTemplates;
import io.financehub.adapter.out.twilio.SandboxSmsSender;
import io.financehub.adapter.out.twilio.TwilioProperties;
import io.financehub.adapter.out.twilio.TwilioSmsSender;
import io.financehub.application.port.out.AccountingLedger;
import io.financehub.application.port.out.PaymentGateway;
import io.financehub.application.port.out.SmsSender;
import io.financehub.application.port.out.SmsTemplates;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Chooses each vendor adapter by its mode: {@code sandbox} (default, in process) or {@code live}. */
@Configuration
public class VendorConfiguration {

    @Bean
    PaymentGateway paymentGateway(StripeProperties stripe) {
        return stripe.live() ? new StripePaymentGateway(stripe) : new SandboxPaymentGateway();
    }

    @Bean
    AccountingLedger accountingLedger(AccountingProperties accounting, JdbcTemplate jdbc) {
        return switch (accounting.kind()) {
            case "sandbox" -> new SandboxAccountingLedger(jdbc);
            default -> throw new IllegalStateException("HUB_ACCOUNTING_KIND must be hledger, xero or sandbox, not "
                    + accounting.kind());
        };
    }

    @Bean
    SmsSender smsSender(TwilioProperties twilio, JdbcTemplate jdbc, CamelContext camel, ProducerTemplate producer) {
        if (twilio.live()) {
            return TwilioSmsSender.onCamel(camel, producer, twilio);
        }
        return new SandboxSmsSender(jdbc, producer, twilio.sandboxCallbackDelay(), twilio.canSignCallbacks());
    }

    @Bean
    SmsTemplates smsTemplates(@Value("${hub.sms.templates:classpath:sms-templates.properties}") Resource file)
            throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new PropertiesSmsTemplates(properties);
    }
}
