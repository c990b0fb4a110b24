package io.financehub.ledger.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.financehub.ledger.adapter.LedgerHttpClient.LedgerUnreachableException;
import io.financehub.ledger.adapter.LedgerHttpClient.Reply;
import io.financehub.ledger.application.AccountingLedger;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.ledger.domain.JournalEntry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Xero-shaped ledger ({@code HUB_ACCOUNTING_KIND=xero}): each entry is a POSTED manual journal, debit lines
 * positive and credit lines negative, sent with {@code Idempotency-Key: {key}} so Xero itself answers a repeat with
 * the first journal. The key is also written into the narration ({@code "... [key]"}), which is how a lookup and
 * reconciliation find the journal again. The calls go through the routes {@code xero-post-manual-journal} and
 * {@code xero-read-manual-journals} ({@code routes/xero-*-manual-journal*.camel.yaml}), which add the bearer token
 * ({@code HUB_ACCOUNTING_XERO_TOKEN}) and the tenant.
 *
 * <p>Outcomes: 2xx success; 429 retry after {@code Retry-After}; 5xx or no answer unknown (retried under the same
 * key); any other 4xx (validation, authorisation) rejected. The bearer token is sent, never logged or audited.
 */
public class XeroLedger implements AccountingLedger {

    static final String PATH = "/ManualJournals";
    static final String POST_ROUTE = "direct:xero-post-manual-journal";
    static final String READ_ROUTE = "direct:xero-read-manual-journals";
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 10_000;

    private final LedgerHttpClient http;
    private final AccountingProperties.Xero xero;
    private final Clock clock;
    private final XeroJournalFormat format;

    public XeroLedger(LedgerHttpClient http, AccountingProperties.Xero xero, Clock clock) {
        this.http = http;
        this.xero = xero;
        this.clock = clock;
        this.format = new XeroJournalFormat(xero);
    }

    @Override
    public String vendor() {
        return "xero";
    }

    @Override
    public String kind() {
        return "xero";
    }

    @Override
    public VendorOutcome post(JournalEntry entry) {
        if (!entry.amount().currency().equals(xero.baseCurrency())) {
            String message = "Xero manual journals are in the organisation's base currency " + xero.baseCurrency()
                    + "; a " + entry.amount().currency() + " entry would be booked at the wrong value";
            return new VendorOutcome.Rejected("currency_not_supported", message,
                    VendorExchange.requestOnly("not sent: " + message));
        }
        String body;
        try {
            body = format.body(entry);
        } catch (IllegalArgumentException e) {
            return new VendorOutcome.Rejected("unmapped_account", e.getMessage(),
                    VendorExchange.requestOnly("not sent: " + e.getMessage()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write manual journal JSON", e);
        }
        // the audit shows what was sent except the Authorization header
        String request = "POST " + PATH + "\nIdempotency-Key: " + entry.idempotencyKey() + "\nXero-tenant-id: "
                + xero.tenantId() + "\n\n" + body;
        Reply reply;
        try {
            reply = http.send(POST_ROUTE, "POST " + PATH, null, body,
                    Map.of("idempotencyKey", entry.idempotencyKey()));
        } catch (LedgerUnreachableException e) {
            return new VendorOutcome.Unknown(e.getMessage(), VendorExchange.requestOnly(request));
        }
        VendorExchange exchange = new VendorExchange(request, reply.describe(), reply.status());
        if (reply.successful()) {
            return new VendorOutcome.Succeeded(format.journalId(reply.body()).orElse("xero:" + entry.idempotencyKey()),
                    exchange);
        }
        if (reply.status() == 429) {
            return new VendorOutcome.Retryable("Xero rate limit (429)", retryAfter(reply.header("Retry-After")),
                    exchange);
        }
        if (reply.status() >= 500) {
            return new VendorOutcome.Unknown("Xero answered " + reply.status(), exchange);
        }
        return new VendorOutcome.Rejected("xero_" + reply.status(), format.validationMessages(reply.body()), exchange);
    }

    @Override
    public Optional<LedgerTransaction> findPosted(String idempotencyKey) {
        String where = "Narration.Contains(\"[" + idempotencyKey + "]\")";
        return read("where=" + URLEncoder.encode(where, StandardCharsets.UTF_8)).stream()
                .filter(t -> t.idempotencyKey().equals(idempotencyKey))
                .findFirst();
    }

    @Override
    public List<LedgerTransaction> transactions() {
        List<LedgerTransaction> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            ReadPage read = readPage("page=" + page);
            all.addAll(read.transactions());
            if (read.journalCount() < PAGE_SIZE) {
                return all;
            }
        }
        throw new LedgerUnavailableException("more than " + MAX_PAGES + " pages of manual journals", null);
    }

    private List<LedgerTransaction> read(String query) {
        return readPage(query).transactions();
    }

    private record ReadPage(int journalCount, List<LedgerTransaction> transactions) {
    }

    private ReadPage readPage(String query) {
        Reply reply;
        try {
            reply = http.send(READ_ROUTE, "GET " + PATH, query, null, Map.of());
        } catch (LedgerUnreachableException e) {
            throw new LedgerUnavailableException(e.getMessage(), e);
        }
        if (reply.status() != 200) {
            throw new LedgerUnavailableException("GET " + PATH + " answered " + reply.describe(), null);
        }
        JsonNode journals;
        try {
            journals = format.journals(reply.body());
        } catch (JsonProcessingException e) {
            throw new LedgerUnavailableException("GET " + PATH + " returned no JSON: " + e.getOriginalMessage(), e);
        }
        List<LedgerTransaction> result = new ArrayList<>();
        for (JsonNode journal : journals) {
            format.transaction(journal).ifPresent(result::add);
        }
        return new ReadPage(journals.size(), result);
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable (the back-off applies). */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(clock.instant(),
                        ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
