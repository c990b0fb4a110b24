package io.financehub.ledger.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of invoices ended: the last invoice's creation time and id (invoices are ordered by both). Travels
 * as an opaque URL-safe token, so a client only hands back what it was given.
 */
public record InvoiceCursor(Instant createdAt, String invoiceId) {

    public String token() {
        String plain = createdAt.getEpochSecond() + "." + createdAt.getNano() + "|" + invoiceId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the token is not one {@link #token()} wrote */
    public static InvoiceCursor parse(String token) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a reconciliation cursor: " + token, e);
        }
        int bar = plain.indexOf('|');
        int dot = plain.indexOf('.');
        if (bar < 0 || dot < 0 || dot > bar || bar == plain.length() - 1) {
            throw new IllegalArgumentException("not a reconciliation cursor: " + token);
        }
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(plain.substring(0, dot)),
                    Long.parseLong(plain.substring(dot + 1, bar)));
            return new InvoiceCursor(at, plain.substring(bar + 1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a reconciliation cursor: " + token, e);
        }
    }
}
