package io.financehub.retention;

import io.financehub.retention.domain.PrunedRecord;
import io.financehub.retention.domain.RetentionPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * Retention ({@code HUB_RETENTION_*}, docs/retention.md): how long each prunable record is kept, and how the pruner
 * runs. The defaults, and why each is what it is, are in docs/retention.md and README's Configuration table.
 *
 * @param enabled             whether the {@code retention-pruner} route runs ({@code HUB_RETENTION_ENABLED})
 * @param period              time between two passes on each replica ({@code HUB_RETENTION_PERIOD})
 * @param batchSize           the most rows one statement removes ({@code HUB_RETENTION_BATCH_SIZE})
 * @param lease               how long the pruning replica's lease outlives its last batch ({@code HUB_RETENTION_LEASE})
 * @param webhookPayloads     raw payloads of processed and ignored webhook events
 *                            ({@code HUB_RETENTION_WEBHOOK_PAYLOADS})
 * @param routeExchanges      wire-tapped exchanges ({@code HUB_RETENTION_ROUTE_EXCHANGES})
 * @param processedMessageIds the webhook routes' duplicate filter ({@code HUB_RETENTION_PROCESSED_MESSAGE_IDS})
 * @param inboundCommands     replayed, rejected and conflicting commands ({@code HUB_RETENTION_INBOUND_COMMANDS})
 * @param deadLetters         retried dead letters ({@code HUB_RETENTION_DEAD_LETTERS})
 * @param domainEvents        published domain events ({@code HUB_RETENTION_DOMAIN_EVENTS})
 * @param rejectedCommands    expiry of each message sent to {@code hub.invoice.commands.rejected}
 *                            ({@code HUB_RETENTION_REJECTED_COMMANDS}); the route reads it as {@code {{millis:...}}}
 */
@ConfigurationProperties(prefix = "hub.retention")
public record RetentionProperties(boolean enabled, Duration period, int batchSize, Duration lease,
                                  Duration webhookPayloads, Duration routeExchanges, Duration processedMessageIds,
                                  Duration inboundCommands, Duration deadLetters, Duration domainEvents,
                                  Duration rejectedCommands) {

    public RetentionProperties {
        period = orDefault(period, Duration.ofMinutes(10));
        batchSize = batchSize <= 0 ? 500 : batchSize;
        lease = orDefault(lease, Duration.ofMinutes(15));
        webhookPayloads = orDefault(webhookPayloads, Duration.ofDays(30));
        routeExchanges = orDefault(routeExchanges, Duration.ofDays(14));
        processedMessageIds = orDefault(processedMessageIds, Duration.ofDays(7));
        inboundCommands = orDefault(inboundCommands, Duration.ofDays(30));
        deadLetters = orDefault(deadLetters, Duration.ofDays(30));
        domainEvents = orDefault(domainEvents, Duration.ofDays(14));
        rejectedCommands = orDefault(rejectedCommands, Duration.ofDays(14));
    }

    /** Unset keeps the default; a zero or negative value is left for {@link #policy()} to refuse. */
    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }

    /** The windows as a policy; refuses a window that is not positive, or commands kept shorter than rejections. */
    public RetentionPolicy policy() {
        return new RetentionPolicy(Map.of(
                PrunedRecord.WEBHOOK_PAYLOADS, webhookPayloads,
                PrunedRecord.ROUTE_EXCHANGES, routeExchanges,
                PrunedRecord.PROCESSED_MESSAGE_IDS, processedMessageIds,
                PrunedRecord.INBOUND_COMMANDS, inboundCommands,
                PrunedRecord.DEAD_LETTERS, deadLetters,
                PrunedRecord.DOMAIN_EVENTS, domainEvents), rejectedCommands);
    }
}
