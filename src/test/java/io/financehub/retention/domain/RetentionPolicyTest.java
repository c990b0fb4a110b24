package io.financehub.retention.domain;

import io.financehub.retention.RetentionProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPolicyTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    @Test
    void theDefaultsAreTheDocumentedWindows() {
        RetentionProperties defaults = new RetentionProperties(true, null, 0, null, null, null, null, null, null,
                null, null);
        RetentionPolicy policy = defaults.policy();

        assertThat(policy.window(PrunedRecord.WEBHOOK_PAYLOADS)).isEqualTo(Duration.ofDays(30));
        assertThat(policy.window(PrunedRecord.ROUTE_EXCHANGES)).isEqualTo(Duration.ofDays(14));
        assertThat(policy.window(PrunedRecord.PROCESSED_MESSAGE_IDS)).isEqualTo(Duration.ofDays(7));
        assertThat(policy.window(PrunedRecord.INBOUND_COMMANDS)).isEqualTo(Duration.ofDays(30));
        assertThat(policy.window(PrunedRecord.DEAD_LETTERS)).isEqualTo(Duration.ofDays(30));
        assertThat(policy.window(PrunedRecord.DOMAIN_EVENTS)).isEqualTo(Duration.ofDays(14));
        assertThat(policy.rejectedCommands()).isEqualTo(Duration.ofDays(14));
        assertThat(defaults.batchSize()).isEqualTo(500);
        assertThat(defaults.period()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.lease()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theCutoffIsTheWindowBeforeNow() {
        RetentionPolicy policy = policy(Duration.ofDays(30), Duration.ofDays(14));

        assertThat(policy.cutoff(PrunedRecord.ROUTE_EXCHANGES, NOW)).isEqualTo(Instant.parse("2027-02-15T12:00:00Z"));
        assertThat(policy.cutoff(PrunedRecord.INBOUND_COMMANDS, NOW)).isEqualTo(Instant.parse("2027-01-30T12:00:00Z"));
    }

    @Test
    void aWindowThatIsNotPositiveIsRefused() {
        Map<PrunedRecord, Duration> windows = windows(Duration.ofDays(30));
        windows.put(PrunedRecord.DOMAIN_EVENTS, Duration.ZERO);
        assertThatThrownBy(() -> new RetentionPolicy(windows, Duration.ofDays(14)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domain_events")
                .hasMessageContaining("positive");

        windows.put(PrunedRecord.DOMAIN_EVENTS, Duration.ofDays(-1));
        assertThatThrownBy(() -> new RetentionPolicy(windows, Duration.ofDays(14)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domain_events");

        windows.remove(PrunedRecord.DOMAIN_EVENTS);
        assertThatThrownBy(() -> new RetentionPolicy(windows, Duration.ofDays(14)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domain_events");

        assertThatThrownBy(() -> new RetentionPolicy(windows(Duration.ofDays(30)), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rejected commands");
    }

    @Test
    void inboundCommandsAreKeptAtLeastAsLongAsRejectedCommandsStayOnTheirQueue() {
        assertThat(policy(Duration.ofDays(14), Duration.ofDays(14)).window(PrunedRecord.INBOUND_COMMANDS))
                .isEqualTo(Duration.ofDays(14));

        assertThatThrownBy(() -> policy(Duration.ofDays(13), Duration.ofDays(14)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inbound commands are kept PT312H")
                .hasMessageContaining("rejected commands stay on their queue (PT336H)");
    }

    private static RetentionPolicy policy(Duration inboundCommands, Duration rejectedCommands) {
        Map<PrunedRecord, Duration> windows = windows(Duration.ofDays(14));
        windows.put(PrunedRecord.INBOUND_COMMANDS, inboundCommands);
        return new RetentionPolicy(windows, rejectedCommands);
    }

    private static Map<PrunedRecord, Duration> windows(Duration each) {
        Map<PrunedRecord, Duration> windows = new EnumMap<>(PrunedRecord.class);
        for (PrunedRecord record : PrunedRecord.values()) {
            windows.put(record, each);
        }
        return windows;
    }
}
