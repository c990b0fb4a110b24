package io.financehub.ledger.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.financehub.ledger.application.AccountingLedger.LedgerTransaction;
import io.financehub.ledger.domain.JournalEntry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Xero's manual journal JSON, as {@link XeroLedger} writes and reads it: debit lines positive, credit lines negative,
 * the idempotency key at the end of the narration ({@code "... [key]"}), amounts read as exact decimals.
 */
final class XeroJournalFormat {

    private static final Set<String> VOID_STATUSES = Set.of("DELETED", "VOIDED");
    private static final Pattern KEY_IN_NARRATION = Pattern.compile("\\[([^\\[\\]]+)]\\s*$");

    private final AccountingProperties.Xero xero;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    XeroJournalFormat(AccountingProperties.Xero xero) {
        this.xero = xero;
    }

    /** The POST body; an {@link IllegalArgumentException} when an account has no Xero code. */
    String body(JournalEntry entry) throws JsonProcessingException {
        return json.writeValueAsString(manualJournal(entry));
    }

    private ObjectNode manualJournal(JournalEntry entry) {
        BigDecimal amount = entry.amount().toMajor();
        ObjectNode journal = json.createObjectNode();
        journal.put("Narration", entry.description() + " [" + entry.idempotencyKey() + "]");
        journal.put("Date", entry.date().toString());
        journal.put("Status", "POSTED");
        journal.put("LineAmountTypes", "NoTax");
        ArrayNode lines = journal.putArray("JournalLines");
        lines.add(line(amount, xero.accountCodes().codeFor(entry.debitAccount()), entry.description()));
        lines.add(line(amount.negate(), xero.accountCodes().codeFor(entry.creditAccount()), entry.description()));
        return journal;
    }

    private ObjectNode line(BigDecimal amount, String accountCode, String description) {
        ObjectNode line = json.createObjectNode();
        line.put("LineAmount", amount);
        line.put("AccountCode", accountCode);
        line.put("Description", description);
        return line;
    }

    /** The {@code ManualJournals} array of a GET answer. */
    JsonNode journals(String body) throws JsonProcessingException {
        return json.readTree(body).path("ManualJournals");
    }

    /** The hub's transaction a journal holds; empty for a voided journal or one without an accounting key. */
    Optional<LedgerTransaction> transaction(JsonNode journal) {
        if (VOID_STATUSES.contains(journal.path("Status").asText(""))) {
            return Optional.empty();
        }
        Matcher m = KEY_IN_NARRATION.matcher(journal.path("Narration").asText(""));
        if (!m.find() || !AccountingKeys.isAccountingKey(m.group(1))) {
            return Optional.empty();
        }
        BigDecimal debits = BigDecimal.ZERO;
        for (JsonNode line : journal.path("JournalLines")) {
            BigDecimal amount = line.path("LineAmount").decimalValue();
            if (amount.signum() > 0) {
                debits = debits.add(amount);
            }
        }
        return Optional.of(new LedgerTransaction(journal.path("ManualJournalID").asText(""), m.group(1),
                xero.baseCurrency(), MinorUnits.of(debits, xero.baseCurrency()),
                journal.path("Narration").asText("")));
    }

    /** The id of the journal a POST answer holds, if it names one. */
    Optional<String> journalId(String body) {
        try {
            JsonNode id = json.readTree(body).path("ManualJournals").path(0).path("ManualJournalID");
            return id.isTextual() && !id.asText().isEmpty() ? Optional.of(id.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Xero's validation errors ({@code Elements[].ValidationErrors[].Message}), or the body as it came. */
    String validationMessages(String body) {
        try {
            List<String> messages = new ArrayList<>();
            for (JsonNode element : json.readTree(body).path("Elements")) {
                for (JsonNode error : element.path("ValidationErrors")) {
                    messages.add(error.path("Message").asText());
                }
            }
            return messages.isEmpty() ? body : String.join("; ", messages);
        } catch (JsonProcessingException e) {
            return body;
        }
    }
}
