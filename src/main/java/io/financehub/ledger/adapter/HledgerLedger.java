package io.financehub.ledger.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.ledger.adapter.HledgerTransactionFormat.UnpostableTransactionException;
import io.financehub.ledger.adapter.LedgerHttpClient.LedgerUnreachableException;
import io.financehub.ledger.adapter.LedgerHttpClient.Reply;
import io.financehub.ledger.application.AccountingLedger;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.ledger.domain.JournalEntry;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * hledger-web's JSON API as the ledger ({@code HUB_ACCOUNTING_KIND=hledger}), called through the routes
 * {@code hledger-read-transactions} and {@code hledger-add-transaction}. hledger-web has no idempotency: every
 * {@code PUT /add} appends a transaction. The idempotency key travels as the transaction's {@code tcode}, so a retry
 * whose earlier attempt may have landed finds it with {@link #findPosted} instead of adding it again.
 *
 * <p>Outcomes: 2xx is success; 400 (hledger could not parse the body) is a rejection; everything else — 5xx, a
 * dropped connection, a timeout, and 403, which hledger-web answers both for a missing {@code add} capability and
 * for an internal error such as "file is locked" — is unknown, so the next attempt looks the tcode up first. A
 * {@code PUT} the hub stopped waiting for may still be written after it gave up: {@link #lookupDelay} is how long
 * a lookup waits for that (the hub's {@code LedgerPostingHandler} keeps to it).
 *
 * <p>A read that holds the tcode is the answer: hledger-web only serves what is in its file. A read that lacks it
 * may be stale. hledger-web serves an in-memory copy of the journal and re-reads the file only when its
 * modification time is later than the last re-read; a write that lands within a clock tick of a re-read does not
 * count as later, and stays invisible until the next write (measured on hledger-web 1.25: a write sent right
 * behind a read was missing from the following reads in 12–45 % of the cases). Waiting does not help, only another
 * write does. So an absent tcode is checked once more after a marker write — a transaction with no postings,
 * {@code tcode} {@code hub-sync:<uuid>}, moving no money — sent a quiet moment after the read before it, which has
 * taken in any write pending, so the marker's own request does not re-read the file just before appending: if the
 * marker is in the following read, hledger-web re-read the file after the marker was written, and that read holds
 * every transaction written before it. If not, the lookup fails (the ledger is "unavailable", and the attempt is
 * retried later) rather than writing more markers: at most one per lookup, none when the tcode is found.
 */
public class HledgerLedger implements AccountingLedger {

    /** HTTP calls one posting attempt can make: a lookup's read, marker write and second read, then the post. */
    public static final int CALLS_PER_ATTEMPT = 4;
    /** Pause between the previous answer and a marker write: many clock ticks, so the write counts as later. */
    static final Duration QUIET_BEFORE_MARKER = Duration.ofMillis(10);
    static final String MARKER_PREFIX = "hub-sync:";
    /** Carries the prefix too, so {@code not:desc:hub-sync} hides markers as well as {@code not:code:hub-sync}. */
    static final String MARKER_DESCRIPTION = "hub-sync read marker";
    /** A tag in the marker's comment ({@code ; hub-sync:}), for {@code hledger print not:tag:hub-sync}. */
    static final String MARKER_COMMENT = "hub-sync:";

    private final HledgerWebConnection hledger;
    private final Duration lookupDelay;
    private final Clock clock;
    private final Supplier<UUID> markerIds;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param timeout     the longest wait for hledger-web to become free for a request
     * @param lookupDelay how long after a post was sent without an answer a lookup must wait before it may trust
     *                    an absent tcode
     */
    public HledgerLedger(LedgerHttpClient http, Duration timeout, Duration lookupDelay, Clock clock) {
        this(http, timeout, lookupDelay, clock, UUID::randomUUID);
    }

    HledgerLedger(LedgerHttpClient http, Duration timeout, Duration lookupDelay, Clock clock,
                  Supplier<UUID> markerIds) {
        this.hledger = new HledgerWebConnection(http, timeout);
        this.lookupDelay = lookupDelay;
        this.clock = clock;
        this.markerIds = markerIds;
    }

    @Override
    public String vendor() {
        return "hledger";
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
    public Duration lookupDelay() {
        return lookupDelay;
    }

    @Override
    public Optional<LedgerTransaction> findPosted(String idempotencyKey) {
        // hledger-web has no query on its JSON API: read everything, match the tcode
        Optional<LedgerTransaction> found = find(readAll(), idempotencyKey);
        if (found.isPresent()) {
            return found;
        }
        return find(currentRead(), idempotencyKey);
    }

    /** @throws LedgerUnavailableException when no current read of the journal could be made (never a stale list) */
    @Override
    public List<LedgerTransaction> transactions() {
        // this read makes hledger-web take in any write it has not re-read yet, so that the marker's own request
        // does not re-read the file just before appending the marker (which would then stay invisible)
        readAll();
        JsonNode all = currentRead();
        List<LedgerTransaction> result = new ArrayList<>(all.size());
        for (JsonNode t : all) {
            HledgerTransactionFormat.read(t).ifPresent(result::add);
        }
        return result;
    }

    /**
     * hledger-web's {@code GET /transactions} takes no query: one current read of the whole journal (as for
     * {@link #transactions()}), handing over those dated on or after {@code since}.
     */
    @Override
    public void transactions(LocalDate since, Consumer<LedgerTransaction> each) {
        readAll();
        for (JsonNode t : currentRead()) {
            if (since != null && datedBefore(t, since)) {
                continue;
            }
            HledgerTransactionFormat.read(t).ifPresent(each);
        }
    }

    private static boolean datedBefore(JsonNode transaction, LocalDate since) {
        try {
            return LocalDate.parse(transaction.path("tdate").asText()).isBefore(since);
        } catch (java.time.format.DateTimeParseException e) {
            return false; // an unreadable date is handed over: the key decides
        }
    }

    private static Optional<LedgerTransaction> find(JsonNode all, String idempotencyKey) {
        for (JsonNode t : all) {
            if (idempotencyKey.equals(t.path("tcode").asText())) {
                Optional<LedgerTransaction> read = HledgerTransactionFormat.read(t);
                if (read.isPresent()) {
                    return read;
                }
            }
        }
        return Optional.empty();
    }

    /** One marker write, then a read that must show it. */
    private JsonNode currentRead() {
        String marker = MARKER_PREFIX + markerIds.get();
        writeMarker(marker);
        JsonNode all = readAll();
        if (!containsCode(all, marker)) {
            throw new LedgerUnavailableException("hledger-web did not re-read its journal after the read marker "
                    + marker + " was written", null);
        }
        return all;
    }

    private void writeMarker(String marker) {
        String body;
        try {
            body = json.writeValueAsString(HledgerTransactionFormat.marker(marker, LocalDate.now(clock),
                    MARKER_DESCRIPTION, MARKER_COMMENT));
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
