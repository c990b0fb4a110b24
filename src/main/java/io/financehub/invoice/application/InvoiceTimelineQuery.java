package io.financehub.invoice.application;

import java.util.Optional;

/** Reads an invoice's timeline: everything the hub did and received for it. */
public interface InvoiceTimelineQuery {

    Optional<InvoiceTimeline> timeline(String invoiceId);
}
