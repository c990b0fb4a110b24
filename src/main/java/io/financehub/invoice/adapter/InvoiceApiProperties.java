package io.financehub.invoice.adapter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the invoice command endpoint.
 *
 * @param maxBytes largest {@code POST /api/invoices} body read ({@code HUB_API_MAX_BYTES}); a valid command at every
 *                 field's maximum length, fully JSON-escaped, stays under 17 KiB, so the default leaves room and still
 *                 keeps a hostile body from being buffered whole
 */
@ConfigurationProperties(prefix = "hub.api")
public record InvoiceApiProperties(@DefaultValue("32768") int maxBytes) {

    public InvoiceApiProperties {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("hub.api.max-bytes must be at least 1024, was " + maxBytes);
        }
    }
}
