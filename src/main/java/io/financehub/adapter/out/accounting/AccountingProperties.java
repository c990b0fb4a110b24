package io.financehub.adapter.out.accounting;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Accounting settings ({@code HUB_ACCOUNTING_*}).
 *
 * @param kind    {@code sandbox} (built-in simulator), {@code hledger} (hledger-web's JSON API) or {@code xero}
 * @param url     base URL of hledger-web or of the Xero-shaped API
 * @param timeout connect and read timeout of every call
 */
@ConfigurationProperties(prefix = "hub.accounting")
public record AccountingProperties(String kind, String url, Duration timeout) {

    public AccountingProperties {
        kind = kind == null ? "sandbox" : kind.toLowerCase();
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
