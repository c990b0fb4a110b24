package io.financehub.retention.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long each prunable record is kept, and the one rule between the windows: a rejected command dropped from
 * {@code hub.invoice.commands.rejected} when its expiry passes must still be explained by its {@code inbound_commands}
 * row, so that row is kept at least as long as the message.
 *
 * @param windows          how long each {@link PrunedRecord} is kept, counted from the time its table records
 *                         (received, recorded, created, retried, published); one for every kind
 * @param rejectedCommands the expiry the hub gives each message it sends to {@code hub.invoice.commands.rejected}
 */
public record RetentionPolicy(Map<PrunedRecord, Duration> windows, Duration rejectedCommands) {

    public RetentionPolicy {
        Objects.requireNonNull(windows, "windows");
        EnumMap<PrunedRecord, Duration> copy = new EnumMap<>(PrunedRecord.class);
        for (PrunedRecord record : PrunedRecord.values()) {
            copy.put(record, positive(windows.get(record), "the retention window of " + record.table()));
        }
        windows = Map.copyOf(copy);
        positive(rejectedCommands, "the expiry of rejected commands");
        if (copy.get(PrunedRecord.INBOUND_COMMANDS).compareTo(rejectedCommands) < 0) {
            throw new IllegalArgumentException("inbound commands are kept " + copy.get(PrunedRecord.INBOUND_COMMANDS)
                    + ", less than rejected commands stay on their queue (" + rejectedCommands + "): a rejection "
                    + "would outlive its record; keep inbound commands at least as long");
        }
    }

    /** How long {@code record} is kept. */
    public Duration window(PrunedRecord record) {
        return windows.get(record);
    }

    /** Records of {@code record} stamped before this instant may go, seen at {@code now}. */
    public Instant cutoff(PrunedRecord record, Instant now) {
        return now.minus(window(record));
    }

    private static Duration positive(Duration window, String what) {
        if (window == null || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException(what + " must be a positive duration, not " + window);
        }
        return window;
    }
}
