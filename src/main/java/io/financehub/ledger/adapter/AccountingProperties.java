package io.financehub.ledger.adapter;

import io.financehub.ledger.domain.JournalEntry;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Accounting settings ({@code HUB_ACCOUNTING_*}).
 *
 * @param kind           {@code sandbox} (built-in simulator), {@code hledger} (hledger-web's JSON API) or {@code xero}
 * @param url            base URL of hledger-web or of the Xero-shaped API
 * @param timeout        connect timeout, read timeout and the longest wait for the connection, per call
 * @param maxConnections pooled HTTP connections to the ledger; hledger-web fails requests that overlap on its
 *                       journal file ("file is locked"), so it gets 1 unless set, Xero 4
 * @param lookupDelay    hledger only: how long after a post that got no answer (timed out, connection dropped) a
 *                       retry may look it up; hledger-web may still write a request the hub gave up on, and a lookup
 *                       before that lands finds nothing and posts a second time
 * @param xero           Xero credentials and account codes ({@code kind=xero} only)
 */
@ConfigurationProperties(prefix = "hub.accounting")
public record AccountingProperties(String kind, String url, Duration timeout, Integer maxConnections,
                                   Duration lookupDelay, Xero xero) {

    /** Waits per call in the worst case: for the connection, to connect, for the response. */
    private static final int WAITS_PER_CALL = 3;

    public AccountingProperties {
        kind = kind == null || kind.isBlank() ? "sandbox" : kind.trim().toLowerCase();
        url = url == null || url.isBlank() ? null : url.trim().replaceAll("/+$", "");
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        if (maxConnections != null && maxConnections < 1) {
            // the ledger routes pass it to the HTTP client's pool as it is
            throw new IllegalArgumentException("HUB_ACCOUNTING_MAX_CONNECTIONS must be at least 1, was " + maxConnections);
        }
        lookupDelay = lookupDelay == null ? Duration.ofSeconds(30) : lookupDelay;
        xero = xero == null ? new Xero(null, null, null, null) : xero;
    }

    public String requireUrl() {
        if (url == null) {
            throw new IllegalStateException("HUB_ACCOUNTING_URL is required for HUB_ACCOUNTING_KIND=" + kind);
        }
        return url;
    }

    public int connectionsFor(String ledgerKind) {
        if (maxConnections != null) {
            return maxConnections;
        }
        return "hledger".equals(ledgerKind) ? 1 : 4;
    }

    /** The longest the hub waits for one call: for the connection, to connect, for the response. */
    public Duration longestCall() {
        return timeout.multipliedBy(WAITS_PER_CALL);
    }

    /**
     * The longest one posting attempt can take: every call it may make (hledger: a lookup's read, marker write and
     * second read, then the post; Xero: a lookup, then the post), each waiting its longest. It must stay below the
     * side-effect lease: a worker that takes a claim over assumes the previous holder has stopped, and a request
     * still in flight could land after the new holder's lookup found nothing.
     */
    public Duration longestAttempt(String ledgerKind) {
        int calls = "hledger".equals(ledgerKind) ? HledgerLedger.CALLS_PER_ATTEMPT : 2;
        return timeout.multipliedBy((long) calls * WAITS_PER_CALL);
    }

    /**
     * Xero settings ({@code HUB_ACCOUNTING_XERO_*}).
     *
     * @param token        OAuth2 access token, sent as {@code Authorization: Bearer}; never logged or stored
     * @param tenantId     the organisation, sent as {@code Xero-tenant-id}
     * @param baseCurrency the organisation's base currency: manual journals carry no currency, so entries in any
     *                     other currency are refused rather than posted as if they were in this one
     * @param accountCodes Xero account codes for the hub's accounts
     */
    public record Xero(String token, String tenantId, String baseCurrency, AccountCodes accountCodes) {

        public Xero {
            baseCurrency = baseCurrency == null || baseCurrency.isBlank() ? "USD" : baseCurrency.trim().toUpperCase();
            accountCodes = accountCodes == null ? new AccountCodes(null, null, null) : accountCodes;
        }

        @Override
        public String toString() {
            // records print every component; the token must never reach a log line
            return "Xero[token=" + (token == null || token.isEmpty() ? "<none>" : "<set>") + ", tenantId=" + tenantId
                    + ", baseCurrency=" + baseCurrency + ", accountCodes=" + accountCodes + "]";
        }
    }

    /**
     * Xero account codes ({@code HUB_ACCOUNTING_XERO_ACCOUNT_CODES_*}); the defaults are those of Xero's demo chart.
     *
     * @param receivable code for {@code assets:receivable}
     * @param sales      code for {@code revenue:sales}
     * @param stripe     code for {@code assets:stripe} (the clearing account Stripe pays into)
     */
    public record AccountCodes(String receivable, String sales, String stripe) {

        public AccountCodes {
            receivable = receivable == null || receivable.isBlank() ? "610" : receivable.trim();
            sales = sales == null || sales.isBlank() ? "200" : sales.trim();
            stripe = stripe == null || stripe.isBlank() ? "090" : stripe.trim();
        }

        /** @throws IllegalArgumentException for an account the hub does not post to */
        public String codeFor(String account) {
            if (JournalEntry.RECEIVABLE.equals(account)) {
                return receivable;
            }
            if (JournalEntry.SALES.equals(account)) {
                return sales;
            }
            if (JournalEntry.STRIPE.equals(account)) {
                return stripe;
            }
            throw new IllegalArgumentException("no Xero account code configured for " + account);
        }
    }
}
