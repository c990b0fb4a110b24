package io.financehub.adapter.out.accounting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.adapter.out.accounting.HledgerTransactionFormat.UnpostableTransactionException;
import io.financehub.adapter.out.accounting.LedgerHttpClient.LedgerUnreachableException;
import io.financehub.adapter.out.accounting.LedgerHttpClient.Reply;
import io.financehub.application.port.out.AccountingLedger;
import io.financehub.application.port.out.VendorExchange;
import io.financehub.application.port.out.VendorOutcome;
import io.financehub.domain.model.JournalEntry;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * hledger-web's JSON API as the ledger ({@code HUB_ACCOUNTING_KIND=hledger}). hledger-web has no idempotency: every
 * {@code PUT /add} appends a transaction. The idempotency key travels as the transaction's {@code tcode}, so a retry
 * whose earlier attempt may have landed finds it with {@link #findPosted} instead of adding it again.
 *
 * <p>Outcomes: 2xx is success; 400 (hledger could not parse the body) is a rejection; everything else — 5xx, a
 * dropped connection, a timeout, and 403, which hledger-web answers both for a missing {@code add} capability and
 * for an internal error such as "file is locked" — is unknown, so the next attempt looks the tcode up first.
 *
 * <p>Reads are made current first. hledger-web serves an in-memory copy of the journal and re-reads the file only
 * when its modification time is later than the last re-read; a write that lands within a clock tick of a re-read
 * does not count as later, and stays invisible until the next write (measured on hledger-web 1.25: a write sent
 * right behind a read was missing from the following reads in 12–45 % of the cases). A lookup that misses a
 * transaction which is there means a second posting. So every read first writes a marker — a transaction with no
 * postings, {@code tcode} {@code hub-sync:<uuid>}, moving no money — a quiet moment after the previous request,
 * then reads: if the marker is in the answer, hledger-web re-read the file after the marker was written, so the
 * answer holds every transaction written before it. If not, it tries again; after {@link #READ_TRIES} it gives up
 * (the ledger is "unavailable", and the lookup is retried later).
 */
public class HledgerLedger implements AccountingLedger {

    /** Marker-and-read rounds before a read is given up as not current. */
    public static final int READ_TRIES = 3;
    /** HTTP calls one posting attempt can make: the rounds of a lookup, then the post. */
    public static final int CALLS_PER_ATTEMPT = 2 * READ_TRIES + 1;
    /** Pause between the previous answer and a marker write: many clock ticks, so the write counts as later. */
    static final Duration QUIET_BEFORE_MARKER = Duration.ofMillis(10);
    static final String MARKER_PREFIX = "hub-sync:";

    private final HledgerWebConnection hledger;
    private final Clock clock;
    private final Supplier<UUID> markerIds;
    private final ObjectMapper json = new ObjectMapper();

    /** @param timeout the longest wait for hledger-web to become free for a request */
    public HledgerLedger(LedgerHttpClient http, String baseUrl, Duration timeout, Clock clock) {
        this(http, baseUrl, timeout, clock, UUID::randomUUID);
    }

    HledgerLedger(LedgerHttpClient http, String baseUrl, Duration timeout, Clock clock, Supplier<UUID> markerIds) {
        this.hledger = new HledgerWebConnection(http, baseUrl, timeout);
        this.clock = clock;
        this.markerIds = markerIds;
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
            reply = hledger.add(request);
        } catch (HledgerWebConnection.BusyException e) {
            return new VendorOutcome.Retryable(e.getMessage(), null, VendorExchange.requestOnly("not sent: " + request));
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

    /** @throws LedgerUnavailableException when no current read of the journal could be made (never a stale list) */
    @Override
    public List<LedgerTransaction> transactions() {
        for (int i = 0; i < READ_TRIES; i++) {
            String marker = MARKER_PREFIX + markerIds.get();
            writeMarker(marker);
            JsonNode all = readAll();
            if (containsCode(all, marker)) {
                List<LedgerTransaction> result = new ArrayList<>(all.size());
                for (JsonNode t : all) {
                    HledgerTransactionFormat.read(t).ifPresent(result::add);
                }
                return result;
            }
        }
        throw new LedgerUnavailableException("hledger-web did not re-read its journal after " + READ_TRIES
                + " marker writes", null);
    }

    private void writeMarker(String marker) {
        String body;
        try {
            body = json.writeValueAsString(HledgerTransactionFormat.marker(marker, LocalDate.now(clock),
                    "hub read marker"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write hledger marker JSON", e);
        }
        Reply reply;
        try {
            reply = hledger.add(body, QUIET_BEFORE_MARKER);
        } catch (HledgerWebConnection.BusyException | LedgerUnreachableException e) {
            throw new LedgerUnavailableException(e.getMessage(), e);
        }
        if (!reply.successful()) {
            throw new LedgerUnavailableException("marker write answered " + reply.describe(), null);
        }
    }

    private JsonNode readAll() {
        Reply reply;
        try {
            reply = hledger.transactions();
        } catch (HledgerWebConnection.BusyException | LedgerUnreachableException e) {
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
        return all;
    }

    private static boolean containsCode(JsonNode all, String tcode) {
        for (JsonNode t : all) {
            if (tcode.equals(t.path("tcode").asText())) {
                return true;
            }
        }
        return false;
    }
}
