package io.financehub.invoice.domain;

/** The invoiced customer; {@code phone} is E.164 or null when SMS is not wanted. */
public record Customer(String id, String name, String phone) {
}
