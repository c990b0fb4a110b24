package io.financehub.config;

import io.financehub.adapter.out.accounting.AccountingProperties;
import io.financehub.adapter.out.accounting.HledgerLedger;
import io.financehub.adapter.out.accounting.LedgerHttpClient;
import io.financehub.adapter.out.accounting.SandboxAccountingLedger;
import io.financehub.adapter.out.accounting.XeroLedger;
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
import java.time.Clock;
import java.util.Properties;

/** Chooses each vendor adapter by its mode: {@code sandbox} (default, in process) or {@code live}. */
@Configuration
public class VendorConfiguration {

    @Bean
    PaymentGateway paymentGateway(StripeProperties stripe) {
        return stripe.live() ? new StripePaymentGateway(stripe) : new SandboxPaymentGateway();
    }

    @Bean
    AccountingLedger accountingLedger(AccountingProperties accounting, HubProperties hub, JdbcTemplate jdbc,
                                      CamelContext camel, Clock clock) {
        if (!"sandbox".equals(accounting.kind())
                && accounting.longestAttempt(accounting.kind()).compareTo(hub.sideEffects().lease()) >= 0) {
            // a takeover must never overlap a request still in flight, or a lookup can miss a post about to land
            throw new IllegalStateException("HUB_ACCOUNTING_TIMEOUT " + accounting.timeout() + " allows attempts of "
                    + accounting.longestAttempt(accounting.kind()) + ", not shorter than the side-effect lease "
                    + hub.sideEffects().lease());
        }
        if ("hledger".equals(accounting.kind())
                && accounting.lookupDelay().compareTo(accounting.longestCall()) <= 0) {
            // the delay is counted from before the post's request, so it must outlast the hub's own wait for it
            throw new IllegalStateException("HUB_ACCOUNTING_LOOKUP_DELAY " + accounting.lookupDelay()
                    + " must be longer than one call to hledger-web may wait (" + accounting.longestCall()
                    + " with HUB_ACCOUNTING_TIMEOUT " + accounting.timeout() + ")");
        }
        return switch (accounting.kind()) {
            case "sandbox" -> new SandboxAccountingLedger(jdbc);
            case "hledger" -> new HledgerLedger(LedgerHttpClient.register(camel, "hub-hledger-http",
                    accounting.timeout(), accounting.connectionsFor("hledger")), accounting.requireUrl(),
                    accounting.timeout(), accounting.lookupDelay(), clock);
            case "xero" -> new XeroLedger(LedgerHttpClient.register(camel, "hub-xero-http", accounting.timeout(),
                    accounting.connectionsFor("xero")), accounting.requireUrl(), accounting.xero(), clock);
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
