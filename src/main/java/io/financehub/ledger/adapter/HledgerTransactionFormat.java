package io.financehub.ledger.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.financehub.ledger.application.AccountingLedger.LedgerTransaction;
import io.financehub.ledger.domain.JournalEntry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * hledger-web's JSON transaction shape: what {@code PUT /add} takes (it refuses a body with any field missing) and
 * {@code GET /transactions} returns. Amounts are exact decimals ({@code decimalMantissa} × 10^-{@code decimalPlaces})
 * with the currency's own exponent: USD 12500 → 125.00, JPY 12500 → 12500, KWD 12500 → 12.500.
 */
final class HledgerTransactionFormat {

    /** What a tcode may contain so that the journal line {@code DATE (TCODE) DESCRIPTION} reads back unchanged. */
    private static final Pattern WRITABLE_CODE = Pattern.compile("[A-Za-z0-9._:-]{1,400}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HledgerTransactionFormat() {
    }

    /** One posting: {@code quantity} (signed, in major units) of {@code commodity} to {@code account}. */
    record Posting(String account, String commodity, BigDecimal quantity) {
    }

    /** The two postings of every entry: debit positive, credit negative, commodity = currency code. */
    static List<Posting> postingsOf(JournalEntry entry) {
        BigDecimal major = entry.amount().toMajor();
        String commodity = entry.amount().currency();
        return List.of(new Posting(entry.debitAccount(), commodity, major),
                new Posting(entry.creditAccount(), commodity, major.negate()));
    }

    /** The transaction hledger-web's {@code PUT /add} takes, checked to be balanced and writable first. */
    static ObjectNode transaction(JournalEntry entry) {
        return transaction(entry.idempotencyKey(), entry.date(), entry.description(), postingsOf(entry));
    }

    static ObjectNode transaction(String tcode, LocalDate date, String description, List<Posting> postings) {
        requireWritable(tcode, description);
        requireBalanced(postings);
        ObjectNode t = transactionHeader(tcode, date, description);
        ArrayNode tpostings = t.putArray("tpostings");
        for (Posting posting : postings) {
            tpostings.add(posting(posting));
        }
        return t;
    }

    private static ObjectNode transactionHeader(String tcode, LocalDate date, String description) {
        ObjectNode t = NODES.objectNode();
        t.put("tdate", date.toString());
        t.putNull("tdate2");
        t.put("tstatus", "Unmarked");
        t.put("tcode", tcode);
        t.put("tdescription", description);
        t.put("tcomment", "");
        t.putArray("ttags");
        t.put("tprecedingcomment", "");
        t.put("tindex", 0);
        ArrayNode sourcePos = t.putArray("tsourcepos");
        sourcePos.add(sourcePosition());
        sourcePos.add(sourcePosition());
        return t;
    }

    /**
     * A transaction without postings: a header line in the journal that moves no money. The hub writes one before
     * reading the journal again whenever it must know the read is current (see {@link HledgerLedger}).
     *
     * @param comment written after the description ({@code ; comment}); a {@code name:} in it is an hledger tag
     */
    static ObjectNode marker(String tcode, LocalDate date, String description, String comment) {
        requireWritable(tcode, description);
        if (comment.contains("\n") || comment.contains("\r")) {
            throw new UnpostableTransactionException("a marker comment must be one line");
        }
        ObjectNode t = transactionHeader(tcode, date, description);
        t.put("tcomment", comment);
        t.putArray("tpostings");
        return t;
    }

    /**
     * hledger-web writes an unbalanced transaction to the journal (201), after which the journal no longer loads
     * and {@code GET /transactions} silently serves stale data: never send one.
     *
     * @throws UnpostableTransactionException when the postings do not sum to zero in every commodity
     */
    static void requireBalanced(List<Posting> postings) {
        if (postings.size() < 2) {
            throw new UnpostableTransactionException("a transaction needs at least two postings");
        }
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (Posting p : postings) {
            sums.merge(p.commodity(), p.quantity(), BigDecimal::add);
        }
        sums.forEach((commodity, sum) -> {
            if (sum.signum() != 0) {
                throw new UnpostableTransactionException("postings in " + commodity + " sum to " + sum.toPlainString()
                        + ", not zero");
            }
        });
    }

    static void requireWritable(String tcode, String description) {
        if (tcode == null || !WRITABLE_CODE.matcher(tcode).matches()) {
            throw new UnpostableTransactionException("tcode " + tcode + " cannot be written to a journal line");
        }
        if (description.contains("\n") || description.contains("\r") || description.contains(";")
                || description.contains("|")) {
            throw new UnpostableTransactionException("description must be one line without ';' or '|'");
        }
    }

    static ObjectNode amount(String commodity, BigDecimal quantity) {
        ObjectNode a = NODES.objectNode();
        a.put("acommodity", commodity);
        ObjectNode q = a.putObject("aquantity");
        q.put("decimalMantissa", quantity.unscaledValue());
        q.put("decimalPlaces", quantity.scale());
        q.put("floatingPoint", quantity.doubleValue());
        a.putNull("aprice");
        ObjectNode style = a.putObject("astyle");
        style.put("ascommodityside", "R");
        style.put("ascommodityspaced", true);
        style.put("asprecision", quantity.scale());
        style.put("asdecimalpoint", ".");
        style.putNull("asdigitgroups");
        return a;
    }

    /** An exact quantity from {@code aquantity}; {@code floatingPoint} is only hledger's approximation. */
    static BigDecimal quantity(JsonNode aquantity) {
        return new BigDecimal(aquantity.path("decimalMantissa").bigIntegerValue(),
                aquantity.path("decimalPlaces").asInt());
    }

    /**
     * Reads a transaction from {@code GET /transactions} as the hub sees it, or empty when its tcode is not a hub
     * accounting key (entries people typed in themselves). The amount is the debit total in the commodity of the
     * first debit.
     */
    static Optional<LedgerTransaction> read(JsonNode t) {
        String tcode = t.path("tcode").asText("");
        if (!AccountingKeys.isAccountingKey(tcode)) {
            return Optional.empty();
        }
        String commodity = null;
        BigDecimal debits = BigDecimal.ZERO;
        for (JsonNode posting : t.path("tpostings")) {
            for (JsonNode amount : posting.path("pamount")) {
                BigDecimal q = quantity(amount.path("aquantity"));
                String c = amount.path("acommodity").asText("");
                if (q.signum() > 0 && (commodity == null || commodity.equals(c))) {
                    commodity = c;
                    debits = debits.add(q);
                }
            }
        }
        String currency = commodity == null ? "" : commodity;
        return Optional.of(new LedgerTransaction(reference(LocalDate.parse(t.path("tdate").asText()), tcode), tcode,
                currency, MinorUnits.of(debits, currency), t.path("tdescription").asText("")));
    }

    /** The hub's journal reference: the journal's own header line, which is what a reader of the file greps for. */
    static String reference(LocalDate date, String tcode) {
        return date + " (" + tcode + ")";
    }

    private static ObjectNode posting(Posting posting) {
        ObjectNode p = NODES.objectNode();
        p.putNull("pdate");
        p.putNull("pdate2");
        p.put("pstatus", "Unmarked");
        p.put("paccount", posting.account());
        p.putArray("pamount").add(amount(posting.commodity(), posting.quantity()));
        p.put("pcomment", "");
        p.put("ptype", "RegularPosting");
        p.putArray("ptags");
        p.putNull("pbalanceassertion");
        p.putNull("ptransaction_");
        p.putNull("poriginal");
        return p;
    }

    private static ObjectNode sourcePosition() {
        ObjectNode pos = NODES.objectNode();
        pos.put("sourceName", "");
        pos.put("sourceLine", 1);
        pos.put("sourceColumn", 1);
        return pos;
    }

    /** The transaction must not be sent: it would not balance, or would not read back as written. */
    static class UnpostableTransactionException extends IllegalArgumentException {
        UnpostableTransactionException(String message) {
            super(message);
        }
    }
}
