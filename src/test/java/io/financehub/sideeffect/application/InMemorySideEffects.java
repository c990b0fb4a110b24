package io.financehub.sideeffect.application;

import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link SideEffectRepository} in memory with the same claim rules as the JDBC one, for use-case tests. Its
 * {@link #databaseTime} plays the database's clock, by which the JDBC one times claims and hand-offs.
 */
public final class InMemorySideEffects implements SideEffectRepository {

    final Map<String, SideEffect> rows = new LinkedHashMap<>();
    final Map<String, Instant> dispatchedAt = new LinkedHashMap<>();
    Supplier<Instant> databaseTime = Instant::now;

    @Override
    public boolean createIfAbsent(IdempotencyKey key, Map<String, String> parameters, Instant now) {
        boolean created = rows.putIfAbsent(key.value(), new SideEffect(key, SideEffectStatus.PENDING, 0, parameters,
                null, null, now, null, null)) == null;
        if (created) {
            dispatchedAt.put(key.value(), databaseTime.get());
        }
        return created;
    }

    @Override
    public Optional<SideEffect> find(String key) {
        return Optional.ofNullable(rows.get(key));
    }

    @Override
    public List<SideEffect> findByInvoice(String invoiceId) {
        return rows.values().stream().filter(e -> e.invoiceId().equals(invoiceId)).toList();
    }

    @Override
    public Claim claim(String key, Duration lease) {
        Instant now = databaseTime.get();
        Instant leaseExpiredBefore = now.minus(lease);
        SideEffect e = rows.get(key);
        if (e.status() == SideEffectStatus.PENDING || e.status() == SideEffectStatus.RETRYING) {
            return new Claim(ClaimKind.FRESH, put(e, SideEffectStatus.IN_PROGRESS, e.attempts() + 1, now, e.lastError()));
        }
        if (e.status() == SideEffectStatus.IN_PROGRESS && e.claimedAt().isBefore(leaseExpiredBefore)) {
            return new Claim(ClaimKind.TAKEOVER, put(e, SideEffectStatus.IN_PROGRESS, e.attempts() + 1, now, e.lastError()));
        }
        return new Claim(ClaimKind.NONE, null);
    }

    @Override
    public void complete(String key, SideEffectStatus status, String resultRef, String error, Instant now) {
        SideEffect e = rows.get(key);
        rows.put(key, new SideEffect(e.key(), status, e.attempts(), e.parameters(), resultRef, error, e.createdAt(),
                e.claimedAt(), now));
    }

    @Override
    public boolean recordOutcome(String key, int attempt, SideEffectStatus status, String resultRef, String error,
                                 Instant now) {
        SideEffect e = rows.get(key);
        if (e.status() != SideEffectStatus.IN_PROGRESS || e.attempts() != attempt) {
            return false;
        }
        complete(key, status, resultRef, error, now);
        return true;
    }

    @Override
    public boolean scheduleRetry(String key, int attempt, String error, Duration delay) {
        SideEffect e = rows.get(key);
        if (e.status() != SideEffectStatus.IN_PROGRESS || e.attempts() != attempt) {
            return false;
        }
        put(e, SideEffectStatus.RETRYING, e.attempts(), e.claimedAt(), error);
        dispatchedAt.put(key, databaseTime.get().plus(delay));
        return true;
    }

    @Override
    public List<SideEffect> findDueForRedispatch(Duration redispatchAfter, Duration lease, int limit) {
        Instant dispatchedBefore = databaseTime.get().minus(redispatchAfter);
        Instant leaseExpiredBefore = databaseTime.get().minus(lease);
        List<SideEffect> due = new ArrayList<>();
        rows.values().forEach(e -> {
            Instant d = dispatchedAt.get(e.key().value());
            boolean notRecentlyDispatched = d == null || d.isBefore(dispatchedBefore);
            if (notRecentlyDispatched && (e.status() == SideEffectStatus.PENDING || e.status() == SideEffectStatus.RETRYING
                    || (e.status() == SideEffectStatus.IN_PROGRESS && e.claimedAt().isBefore(leaseExpiredBefore)))) {
                due.add(e);
            }
        });
        return due;
    }

    @Override
    public boolean markDispatched(String key) {
        return markDispatched(key, Duration.ZERO);
    }

    @Override
    public boolean markDispatched(String key, Duration notWithin) {
        Instant now = databaseTime.get();
        Instant d = dispatchedAt.get(key);
        if (d == null || d.isBefore(now.minus(notWithin))) {
            dispatchedAt.put(key, now);
            return true;
        }
        return false;
    }

    @Override
    public boolean reopen(String key, Instant now) {
        SideEffect e = rows.get(key);
        if (e.status() != SideEffectStatus.FAILED && e.status() != SideEffectStatus.UNKNOWN) {
            return false;
        }
        put(e, SideEffectStatus.PENDING, e.attempts(), e.claimedAt(), e.lastError());
        dispatchedAt.remove(key); // as the JDBC store: not on a queue, so the relay picks it up
        return true;
    }

    @Override
    public boolean reopenForRepost(String key, Instant now) {
        SideEffect e = rows.get(key);
        if (!e.status().isFinal() && e.status() != SideEffectStatus.UNKNOWN) {
            return false;
        }
        put(e, SideEffectStatus.PENDING, e.attempts(), e.claimedAt(), "reopened for repost at " + now);
        dispatchedAt.remove(key);
        return true;
    }

    private SideEffect put(SideEffect e, SideEffectStatus status, int attempts, Instant claimedAt, String error) {
        SideEffect next = new SideEffect(e.key(), status, attempts, e.parameters(), e.resultRef(), error, e.createdAt(),
                claimedAt, e.completedAt());
        rows.put(e.key().value(), next);
        return next;
    }
}
