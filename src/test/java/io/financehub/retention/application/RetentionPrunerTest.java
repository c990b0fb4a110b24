package io.financehub.retention.application;

import io.financehub.platform.persistence.JobLease;
import io.financehub.retention.domain.PrunedRecord;
import io.financehub.retention.domain.RetentionPolicy;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionPrunerTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final DueRows store = new DueRows();
    private final CountingMeter meter = new CountingMeter();
    private final ScriptedLease lease = new ScriptedLease();

    @Test
    void everyKindIsPrunedInBatchesOfAtMostTheBatchSizeUntilNoneIsDue() {
        store.due.put(PrunedRecord.ROUTE_EXCHANGES, 10);
        store.due.put(PrunedRecord.DOMAIN_EVENTS, 3);

        RetentionPass pass = pruner(3).prune();

        assertThat(pass.ran()).isTrue();
        assertThat(pass.complete()).isTrue();
        assertThat(pass.removed(PrunedRecord.ROUTE_EXCHANGES)).isEqualTo(10);
        assertThat(pass.removed(PrunedRecord.DOMAIN_EVENTS)).isEqualTo(3);
        assertThat(pass.removed()).containsOnlyKeys(PrunedRecord.values());
        // 10 rows: 3 + 3 + 3 + 1; 3 rows: 3, then a batch that finds none; one empty batch for each other kind
        assertThat(store.batches(PrunedRecord.ROUTE_EXCHANGES)).containsExactly(3, 3, 3, 1);
        assertThat(store.batches(PrunedRecord.DOMAIN_EVENTS)).containsExactly(3, 0);
        assertThat(store.batches(PrunedRecord.WEBHOOK_PAYLOADS)).containsExactly(0);
        assertThat(store.limits).allMatch(limit -> limit == 3);
        assertThat(pass.batches()).isEqualTo(4 + 2 + 4);
        assertThat(meter.removed.get(PrunedRecord.ROUTE_EXCHANGES)).isEqualTo(10);
        assertThat(meter.completedAt).isEqualTo(NOW);
        // renewed after every full batch, so a long pass keeps its lease
        assertThat(lease.renewals).isEqualTo(3 + 1);
        assertThat(pass.counts()).startsWith("webhook_events payloads=0, route_exchanges=10, ");
    }

    @Test
    void eachKindIsCutOffAtItsOwnWindowByTheClock() {
        pruner(500).prune();

        assertThat(store.cutoffs.get(PrunedRecord.WEBHOOK_PAYLOADS)).isEqualTo(NOW.minus(Duration.ofDays(30)));
        assertThat(store.cutoffs.get(PrunedRecord.PROCESSED_MESSAGE_IDS)).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(store.cutoffs.get(PrunedRecord.ROUTE_EXCHANGES)).isEqualTo(NOW.minus(Duration.ofDays(14)));
    }

    @Test
    void withoutTheLeaseNothingIsTouched() {
        store.due.put(PrunedRecord.ROUTE_EXCHANGES, 10);
        lease.free = false;

        RetentionPass pass = pruner(3).prune();

        assertThat(pass.ran()).isFalse();
        assertThat(store.limits).isEmpty();
        assertThat(meter.completedAt).isNull();
    }

    @Test
    void aPassThatLosesItsLeaseStopsAfterTheBatchItRan() {
        store.due.put(PrunedRecord.ROUTE_EXCHANGES, 10);
        lease.renewable = false;

        RetentionPass pass = pruner(3).prune();

        assertThat(pass.ran()).isTrue();
        assertThat(pass.complete()).isFalse();
        assertThat(store.batches(PrunedRecord.ROUTE_EXCHANGES)).containsExactly(3);
        assertThat(store.batches(PrunedRecord.DOMAIN_EVENTS)).isEmpty();
        assertThat(pass.removed(PrunedRecord.ROUTE_EXCHANGES)).isEqualTo(3);
    }

    private RetentionPruner pruner(int batchSize) {
        Map<PrunedRecord, Duration> windows = new EnumMap<>(PrunedRecord.class);
        windows.put(PrunedRecord.WEBHOOK_PAYLOADS, Duration.ofDays(30));
        windows.put(PrunedRecord.ROUTE_EXCHANGES, Duration.ofDays(14));
        windows.put(PrunedRecord.PROCESSED_MESSAGE_IDS, Duration.ofDays(7));
        windows.put(PrunedRecord.INBOUND_COMMANDS, Duration.ofDays(30));
        windows.put(PrunedRecord.DEAD_LETTERS, Duration.ofDays(30));
        windows.put(PrunedRecord.DOMAIN_EVENTS, Duration.ofDays(14));
        return new RetentionPruner(new RetentionPolicy(windows, Duration.ofDays(14)), store, lease, meter, CLOCK,
                "replica-a", batchSize, Duration.ofMinutes(15));
    }

    /** A table per kind holding {@code due} prunable rows; records every batch it was asked for. */
    private static final class DueRows implements RetentionStore {
        final Map<PrunedRecord, Integer> due = new EnumMap<>(PrunedRecord.class);
        final Map<PrunedRecord, Instant> cutoffs = new EnumMap<>(PrunedRecord.class);
        final List<Integer> limits = new ArrayList<>();
        final Map<PrunedRecord, List<Integer>> removed = new EnumMap<>(PrunedRecord.class);

        @Override
        public int pruneBatch(PrunedRecord record, Instant cutoff, int limit) {
            limits.add(limit);
            cutoffs.put(record, cutoff);
            int left = due.getOrDefault(record, 0);
            int now = Math.min(left, limit);
            due.put(record, left - now);
            removed.computeIfAbsent(record, r -> new ArrayList<>()).add(now);
            return now;
        }

        List<Integer> batches(PrunedRecord record) {
            return removed.getOrDefault(record, List.of());
        }
    }

    private static final class CountingMeter implements RetentionMeter {
        final Map<PrunedRecord, Long> removed = new EnumMap<>(PrunedRecord.class);
        Instant completedAt;

        @Override
        public void removed(PrunedRecord record, long count) {
            removed.merge(record, count, Long::sum);
        }

        @Override
        public void completed(Instant at) {
            completedAt = at;
        }
    }

    private static final class ScriptedLease implements JobLease {
        boolean free = true;
        boolean renewable = true;
        int renewals;

        @Override
        public boolean tryAcquire(String job, String owner, Duration ttl) {
            return free;
        }

        @Override
        public boolean renew(String job, String owner, Duration ttl) {
            renewals++;
            return renewable;
        }
    }
}
