/**
 * The hub's own vocabulary: invoices, money, idempotency keys and statuses. Plain Java only.
 */
package io.financehub.domain.model;
