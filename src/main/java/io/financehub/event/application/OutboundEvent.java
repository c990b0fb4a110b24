package io.financehub.event.application;

/**
 * A stored event as it goes on the wire: its JSON body and the three JMS string properties flows select on.
 */
public record OutboundEvent(String eventId, String eventType, String invoiceId, String json) {
}
