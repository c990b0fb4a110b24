package io.financehub.platform.config;

import io.financehub.ledger.adapter.AccountingProperties;
import io.financehub.ledger.adapter.HledgerLedger;
import io.financehub.ledger.adapter.LedgerHttpClient;
import io.financehub.ledger.adapter.SandboxAccountingLedger;
import io.financehub.ledger.adapter.XeroLedger;
import io.financehub.payment.adapter.SandboxPaymentGateway;
import io.financehub.payment.adapter.StripePaymentGateway;
import io.financehub.payment.adapter.StripeProperties;
import io.financehub.sms.adapter.PropertiesSmsTemplates;
import io.financehub.sms.adapter.SandboxSmsSender;
import io.financehub.sms.adapter.TwilioProperties;
import io.financehub.sms.adapter.TwilioSmsSender;
import io.financehub.ledger.application.AccountingLedger;
import io.financehub.payment.application.PaymentGateway;
import io.financehub.sms.application.SmsSender;
import io.financehub.sms.application.SmsTemplates;
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
    public AccountingLedger accountingLedger(AccountingProperties accounting, HubProperties hub, JdbcTemplate jdbc,
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
    public SmsTemplates smsTemplates(@Value("${hub.sms.templates:classpath:sms-templates.properties}") Resource file)
            throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new PropertiesSmsTemplates(properties);
    }
}
