package io.financehub.invoice.application;

import io.financehub.invoice.domain.Money;
import io.financehub.invoice.domain.PhoneNumber;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The invoice command of {@code POST /api/invoices} and {@code hub.invoice.commands}. It cannot exist in an invalid state: the constructor checks every
 * field and throws {@link CommandValidationException} listing all bad fields at once.
 */
public record IssueInvoiceCommand(String invoiceId, String customerId, String customerName, String customerPhone,
                                  String currency, long amountMinor, String description) {

    private static final Pattern INVOICE_ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    private static final long MAX_AMOUNT_MINOR = 1_000_000_000_000L;
    private static final int MAX_TEXT = 512;
    private static final int MAX_DESCRIPTION = 2000;

    public IssueInvoiceCommand {
        List<FieldError> errors = new ArrayList<>();
        checkInvoiceId(invoiceId, errors);
        checkCurrency(currency, errors);
        checkAmount(amountMinor, errors);
        checkPhone(customerPhone, errors);
        checkText("customer.id", customerId, 128, errors);
        checkText("customer.name", customerName, MAX_TEXT, errors);
        checkText("description", description, MAX_DESCRIPTION, errors);
        if (!errors.isEmpty()) {
            throw new CommandValidationException(errors);
        }
    }

    /**
     * Builds the command from a decoded JSON object (maps, lists, numbers, strings), so that type errors
     * ("amountMinor": "12") are reported per field alongside the value errors. Unknown fields are ignored.
     */
    public static IssueInvoiceCommand fromJson(Map<?, ?> json) {
        List<FieldError> errors = new ArrayList<>();
        String invoiceId = text(json, "invoiceId", "invoiceId", errors);
        String currency = text(json, "currency", "currency", errors);
        Long amount = integer(json.get("amountMinor"), errors);
        String customerId = null;
        String customerName = null;
        String phone = null;
        Object customer = json.get("customer");
        if (customer instanceof Map<?, ?> c) {
            customerId = text(c, "id", "customer.id", errors);
            customerName = text(c, "name", "customer.name", errors);
            phone = text(c, "phone", "customer.phone", errors);
        } else if (customer != null) {
            errors.add(new FieldError("customer", "must be an object"));
        }
        String description = text(json, "description", "description", errors);
        if (!errors.isEmpty()) {
            // report the type errors together with every value error of the other fields
            List<FieldError> all = new ArrayList<>(errors);
            try {
                new IssueInvoiceCommand(invoiceId, customerId, customerName, phone, currency,
                        amount == null ? 1 : amount, description);
            } catch (CommandValidationException e) {
                e.errors().stream().filter(f -> all.stream().noneMatch(a -> a.field().equals(f.field())))
                        .forEach(all::add);
            }
            throw new CommandValidationException(all);
        }
        return new IssueInvoiceCommand(invoiceId, customerId, customerName, phone, currency, amount, description);
    }

    public Money amount() {
        return new Money(amountMinor, currency);
    }

    /** SHA-256 over the fields that define the invoice: equal hashes mean an identical replay. */
    public String contentHash() {
        String canonical = String.join("\u0000", invoiceId, nullToEmpty(customerId), nullToEmpty(customerName),
                nullToEmpty(customerPhone), currency, Long.toString(amountMinor), nullToEmpty(description));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void checkInvoiceId(String invoiceId, List<FieldError> errors) {
        if (invoiceId == null || !INVOICE_ID.matcher(invoiceId).matches()) {
            errors.add(new FieldError("invoiceId", "must match ^[A-Za-z0-9._-]{1,64}$"));
        }
    }

    private static void checkCurrency(String currency, List<FieldError> errors) {
        if (!Money.isIsoCurrency(currency)) {
            errors.add(new FieldError("currency", "must be an ISO 4217 currency code such as USD"));
        }
    }

    private static void checkAmount(long amountMinor, List<FieldError> errors) {
        if (amountMinor < 1 || amountMinor > MAX_AMOUNT_MINOR) {
            errors.add(new FieldError("amountMinor", "must be an integer from 1 to 1000000000000"));
        }
    }

    private static void checkPhone(String phone, List<FieldError> errors) {
        if (phone != null && !PhoneNumber.isE164(phone)) {
            errors.add(new FieldError("customer.phone", "must be an E.164 number such as +15551234567"));
        }
    }

    /**
     * Length, then content: control characters (C0, DEL, C1), line and paragraph separators and unpaired
     * surrogates are refused. They have no place in an invoice, PostgreSQL refuses U+0000 in text columns, a line
     * break would split an hledger journal entry, and an unpaired surrogate cannot be stored as UTF-8.
     */
    private static void checkText(String field, String value, int max, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (!isPrintable(value)) {
            errors.add(new FieldError(field, "must not contain control characters, line separators or unpaired "
                    + "surrogates"));
        }
    }

    static boolean isPrintable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /**
     * The {@code invoiceId} of a refused command as far as it can be audited: the value when it is a valid id, else
     * null (an invalid one may be too long for the audit column or hold bytes the database refuses).
     */
    public static String auditableInvoiceId(Map<?, ?> json) {
        Object id = json.get("invoiceId");
        return id instanceof String s && INVOICE_ID.matcher(s).matches() ? s : null;
    }

    private static String text(Map<?, ?> json, String name, String field, List<FieldError> errors) {
        Object value = json.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        errors.add(new FieldError(field, "must be a string"));
        return null;
    }

    private static Long integer(Object value, List<FieldError> errors) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        errors.add(new FieldError("amountMinor", "must be an integer from 1 to 1000000000000"));
        return null;
    }
}
