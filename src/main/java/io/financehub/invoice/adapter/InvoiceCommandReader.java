package io.financehub.invoice.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.invoice.application.CommandValidationException;
import io.financehub.invoice.application.IssueInvoiceCommand;

import java.io.IOException;
import java.util.Map;

/**
 * Reads an {@code IssueInvoice} command from its JSON, the same for {@code POST /api/invoices} and the JMS queue.
 * It only says what is wrong with a command; each channel answers (and audits) that in its own words.
 */
public class InvoiceCommandReader {

    /** Why the body is no JSON object at all. */
    public enum Malformation {
        /** No bytes (an HTTP body of length 0). */
        EMPTY,
        /** Not parseable as JSON. */
        NOT_JSON,
        /** JSON, but not an object (or no body at all on JMS). */
        NOT_OBJECT
    }

    private final ObjectMapper json;

    public InvoiceCommandReader(ObjectMapper json) {
        this.json = json;
    }

    /** An HTTP body, as read. */
    public IssueInvoiceCommand read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedCommandException(Malformation.EMPTY);
        }
        return command(decode(() -> json.readValue(body, Object.class)));
    }

    /** A JMS text body; {@code null} when the message has none. */
    public IssueInvoiceCommand read(String body) {
        return command(decode(() -> body == null ? null : json.readValue(body, Object.class)));
    }

    private static IssueInvoiceCommand command(Map<?, ?> fields) {
        try {
            return IssueInvoiceCommand.fromJson(fields);
        } catch (CommandValidationException e) {
            throw new InvalidCommandException(IssueInvoiceCommand.auditableInvoiceId(fields), e);
        }
    }

    private static Map<?, ?> decode(JsonSource source) {
        Object decoded;
        try {
            decoded = source.read();
        } catch (IOException e) {
            throw new MalformedCommandException(Malformation.NOT_JSON);
        }
        if (decoded instanceof Map<?, ?> map) {
            return map;
        }
        throw new MalformedCommandException(Malformation.NOT_OBJECT);
    }

    private interface JsonSource {
        Object read() throws IOException;
    }

    /** The body is no JSON object. */
    public static class MalformedCommandException extends RuntimeException {

        private final Malformation malformation;

        MalformedCommandException(Malformation malformation) {
            super(malformation.name(), null, false, false);
            this.malformation = malformation;
        }

        public Malformation malformation() {
            return malformation;
        }
    }

    /** A JSON object whose fields do not make a command. */
    public static class InvalidCommandException extends RuntimeException {

        private final String auditableInvoiceId;

        InvalidCommandException(String auditableInvoiceId, CommandValidationException validation) {
            super(validation.getMessage(), validation);
            this.auditableInvoiceId = auditableInvoiceId;
        }

        /** The invoice id to audit the refusal under, when the body names one that can be recorded. */
        public String auditableInvoiceId() {
            return auditableInvoiceId;
        }

        public CommandValidationException validation() {
            return (CommandValidationException) getCause();
        }
    }
}
