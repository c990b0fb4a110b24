package io.financehub.adapter.out.accounting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.adapter.out.accounting.HledgerTransactionFormat.UnpostableTransactionException;
import io.financehub.adapter.out.accounting.LedgerHttpClient.LedgerUnreachableException;
import io.financehub.adapter.out.accounting.LedgerHttpClient.Reply;
import io.financehub.application.port.out.AccountingLedger;
import io.financehub.application.port.out.AccountingLedger.LedgerUnavailableException;
import io.financehub.application.port.out.VendorExchange;
import io.financehub.application.port.out.VendorOutcome;
import io.financehub.domain.model.JournalEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * hledger-web's JSON API as the ledger ({@code HUB_ACCOUNTING_KIND=hledger}). hledger-web has no idempotency: every
 * {@code PUT /add} appends a transaction. The idempotency key travels as the transaction's {@code tcode}, so a retry
 * whose earlier attempt may have landed finds it with {@link #findPosted} instead of adding it again.
 *
 * <p>Outcomes: 2xx is success; 400 (hledger could not parse the body) is a rejection; everything else — 5xx, a
 * dropped connection, a timeout, and 403, which hledger-web answers both for a missing {@code add} capability and
 * for an internal error such as "file is locked" — is unknown, so the next attempt looks the tcode up first.
 */
public class HledgerLedger implements AccountingLedger {

    private static final Map<String, String> JSON_BODY = Map.of("Content-Type", "application/json",
            "Accept", "application/json");
    private static final Map<String, String> ACCEPT_JSON = Map.of("Accept", "application/json");

    private final LedgerHttpClient http;
    private final String baseUrl;
    private final ObjectMapper json = new ObjectMapper();

    public HledgerLedger(LedgerHttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    @Override
    public String kind() {
        return "hledger";
    }

    @Override
    public VendorOutcome post(JournalEntry entry) {
        String request;
        try {
            request = json.writeValueAsString(HledgerTransactionFormat.transaction(entry));
        } catch (UnpostableTransactionException e) {
            return new VendorOutcome.Rejected("unpostable", e.getMessage(),
                    VendorExchange.requestOnly("not sent: " + e.getMessage()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write hledger transaction JSON", e);
        }
        Reply reply;
        try {
            reply = http.send("PUT", baseUrl + "/add", null, request, JSON_BODY);
        } catch (LedgerUnreachableException e) {
            return new VendorOutcome.Unknown(e.getMessage(), VendorExchange.requestOnly(request));
        }
        VendorExchange exchange = new VendorExchange(request, reply.describe(), reply.status());
        if (reply.successful()) {
            return new VendorOutcome.Succeeded(HledgerTransactionFormat.reference(entry.date(), entry.idempotencyKey()),
                    exchange);
        }
        if (reply.status() == 400) {
            return new VendorOutcome.Rejected("hledger_400", reply.body(), exchange);
        }
        return new VendorOutcome.Unknown("hledger-web answered " + reply.status(), exchange);
    }

    @Override
    public Optional<LedgerTransaction> findPosted(String idempotencyKey) {
        // hledger-web has no query on its JSON API: read everything, match the tcode
        return transactions().stream().filter(t -> t.idempotencyKey().equals(idempotencyKey)).findFirst();
    }

    /** @throws LedgerUnavailableException when the journal cannot be read (never an empty list instead) */
    @Override
    public List<LedgerTransaction> transactions() {
        Reply reply;
        try {
            reply = http.send("GET", baseUrl + "/transactions", null, null, ACCEPT_JSON);
        } catch (LedgerUnreachableException e) {
            throw new LedgerUnavailableException(e.getMessage(), e);
        }
        if (reply.status() != 200) {
            throw new LedgerUnavailableException("GET /transactions answered " + reply.describe(), null);
        }
        JsonNode all;
        try {
            all = json.readTree(reply.body());
        } catch (JsonProcessingException e) {
            throw new LedgerUnavailableException("GET /transactions returned no JSON: " + e.getOriginalMessage(), e);
        }
        if (!all.isArray()) {
            throw new LedgerUnavailableException("GET /transactions returned no list", null);
        }
        List<LedgerTransaction> result = new ArrayList<>(all.size());
        for (JsonNode t : all) {
            HledgerTransactionFormat.read(t).ifPresent(result::add);
        }
        return result;
    }
}
