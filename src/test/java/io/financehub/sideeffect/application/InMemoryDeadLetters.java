package io.financehub.sideeffect.application;


import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** A {@link DeadLetterStore} in memory with the same conditional updates as the JDBC one, for use-case tests. */
final class InMemoryDeadLetters implements DeadLetterStore {

    final Map<Long, DeadLetter> rows = new LinkedHashMap<>();
    /** The database's clock, which measures retry claims. */
    Supplier<Instant> databaseTime = Instant::now;

    @Override
    public synchronized long record(NewDeadLetter d) {
        long id = rows.size() + 1;
        rows.put(id, new DeadLetter(id, d.queue(), d.reason(), d.messageId(), d.idempotencyKey(), d.body(),
                d.headers(), d.attempts(), "open", d.failedAt(), null));
        return id;
    }

    @Override
    public synchronized List<DeadLetter> list(Long beforeId, int limit) {
        return new ArrayList<>(rows.values());
    }

    @Override
    public synchronized Optional<DeadLetter> find(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized boolean claimForRetry(long id, Duration staleAfter) {
        Instant now = databaseTime.get();
        DeadLetter d = rows.get(id);
        boolean stale = "retrying".equals(d.status()) && d.retriedAt().isBefore(now.minus(staleAfter));
        if (!"open".equals(d.status()) && !stale) {
            return false;
        }
        put(d, "retrying", now);
        return true;
    }

    @Override
    public synchronized boolean markRetried(long id, Instant now) {
        DeadLetter d = rows.get(id);
        if (!"retrying".equals(d.status())) {
            return false;
        }
        put(d, "retried", now);
        return true;
    }

    @Override
    public synchronized void releaseRetry(long id) {
        DeadLetter d = rows.get(id);
        if ("retrying".equals(d.status())) {
            put(d, "open", null);
        }
    }

    String status(long id) {
        return rows.get(id).status();
    }

    private void put(DeadLetter d, String status, Instant retriedAt) {
        rows.put(d.id(), new DeadLetter(d.id(), d.queue(), d.reason(), d.messageId(), d.idempotencyKey(), d.body(),
                d.headers(), d.attempts(), status, d.failedAt(), retriedAt));
    }
}
