package io.financehub.retention.adapter;

import io.financehub.retention.application.RetentionMeter;
import io.financehub.retention.domain.PrunedRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link RetentionMeter} on Micrometer, counted per replica as it happens: {@code hub.retention.removed.rows}
 * ({@code table}), {@code hub.retention.cleared.payloads} ({@code table="webhook_events"}) and
 * {@code hub.retention.last_run.timestamp} in seconds since the epoch (0 until this replica's first pass). Every
 * series exists from the start.
 */
public class RetentionMetrics implements RetentionMeter {

    private final Map<PrunedRecord, Counter> counters = new EnumMap<>(PrunedRecord.class);
    private final AtomicLong lastRunSeconds = new AtomicLong();

    public RetentionMetrics(MeterRegistry registry) {
        for (PrunedRecord record : PrunedRecord.values()) {
            Counter counter = record.clearsPayloadOnly()
                    ? Counter.builder("hub.retention.cleared.payloads").description("Raw payloads retention cleared "
                            + "(the rows stay), by this replica").tag("table", record.table()).register(registry)
                    : Counter.builder("hub.retention.removed.rows").description("Rows retention deleted, by this "
                            + "replica").tag("table", record.table()).register(registry);
            counters.put(record, counter);
        }
        Gauge.builder("hub.retention.last_run.timestamp", lastRunSeconds, AtomicLong::get)
                .description("When this replica last completed a retention pass, seconds since the epoch")
                .baseUnit("seconds").strongReference(true).register(registry);
    }

    @Override
    public void removed(PrunedRecord record, long count) {
        counters.get(record).increment(count);
    }

    @Override
    public void completed(Instant at) {
        lastRunSeconds.set(at.getEpochSecond());
    }
}
