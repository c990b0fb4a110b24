package io.financehub.sideeffect.application;

import io.financehub.event.application.DomainEventOutbox;
import io.financehub.event.domain.EventType;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.sideeffect.application.SideEffectRepository.Claim;
import io.financehub.sideeffect.application.SideEffectRepository.ClaimKind;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that runs the "claim key → call vendor → record" shape for every side effect. Each step is
 * resumable from the claim: a crash before the vendor call leaves an in-progress claim that the relay hands to
 * another worker after the lease, and that worker {@linkplain SideEffectHandler#resume resumes} it. What a side
 * effect acts on is its handler's business: the executor only passes the handler's subject from step to step. A
 * side effect that fails for good is dead-lettered and reported ({@code side-effect.dead-lettered}) in the
 * transaction that records it.
 */
public class SideEffectExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(SideEffectExecutor.class);

    private final SideEffectRepository sideEffects;
    private final SideEffectQueue queue;
    private final DeadLetterStore deadLetters;
    private final DomainEventOutbox events;
    private final TransactionRunner tx;
    private final SideEffectPolicy policy;
    private final Clock clock;
    private final VendorCallMeter meter;
    private final Map<SideEffectAction, SideEffectHandler<?>> handlers = new EnumMap<>(SideEffectAction.class);

    public SideEffectExecutor(SideEffectRepository sideEffects, SideEffectQueue queue, DeadLetterStore deadLetters,
                              DomainEventOutbox events, TransactionRunner tx, SideEffectPolicy policy, Clock clock,
                              VendorCallMeter meter, List<? extends SideEffectHandler<?>> handlerList) {
        this.sideEffects = sideEffects;
        this.queue = queue;
        this.deadLetters = deadLetters;
        this.events = events;
        this.tx = tx;
        this.policy = policy;
        this.clock = clock;
        this.meter = meter;
        for (SideEffectHandler<?> handler : handlerList) {
            handler.actions().forEach(action -> {
                if (handlers.put(action, handler) != null) {
                    throw new IllegalStateException("two handlers for " + action);
                }
            });
        }
    }

    /**
     * Performs one side effect: claims its key, calls the vendor, records the outcome. Safe to call any number of
     * times for the same key, from any replica: only the caller holding the claim reaches the vendor.
     *
     * @return what happened this time, for logs and the route's exchange audit
     */
    public String execute(String idempotencyKey) {
        Optional<SideEffect> stored = sideEffects.find(idempotencyKey);
        if (stored.isEmpty()) {
            LOG.warn("no side effect stored under {}; message ignored", idempotencyKey);
            return "unknown-key";
        }
        if (stored.get().status().isFinal() || stored.get().status() == SideEffectStatus.UNKNOWN) {
            return "already-" + stored.get().status().dbValue();
        }
        return execute(handlerFor(stored.get().action()), stored.get());
    }

    private <S> String execute(SideEffectHandler<S> handler, SideEffect stored) {
        String idempotencyKey = stored.key().value();
        S subject = handler.subject(stored);
        Claim claim = tx.inTransaction(() -> {
            // the lease is measured by the database's clock: this replica's own may run ahead of the holder's
            Claim c = sideEffects.claim(idempotencyKey, policy.lease());
            if (c.claimed()) {
                handler.onClaim(c.effect(), subject);
            }
            return c;
        });
        if (!claim.claimed()) {
            return "not-claimed";
        }
        SideEffect effect = claim.effect();
        VendorOutcome outcome = call(handler, claim.kind(), effect, subject);
        return record(handler, effect, subject, outcome);
    }

    /** The vendor call, measured here, where every side effect's call passes. */
    private <S> VendorOutcome call(SideEffectHandler<S> handler, ClaimKind kind, SideEffect effect, S subject) {
        return meter.measure(handler.vendor(), effect.key().actionName(), () -> {
            try {
                return kind == ClaimKind.TAKEOVER ? handler.resume(effect, subject) : handler.perform(effect, subject);
            } catch (RuntimeException e) {
                // an adapter bug or an unexpected client error: whether the request left is not known
                LOG.warn("side effect {} failed unexpectedly", effect.key(), e);
                return new VendorOutcome.Unknown(e.getClass().getSimpleName() + ": " + e.getMessage(),
                        VendorExchange.requestOnly(null));
            }
        });
    }

    private <S> String record(SideEffectHandler<S> handler, SideEffect effect, S subject, VendorOutcome outcome) {
        Instant now = clock.instant();
        String key = effect.key().value();
        boolean vendorHonoursKeys = handler.retriesUnknownOutcome(effect);
        if (outcome.mayRetry(vendorHonoursKeys) && effect.attempts() < policy.maxAttempts()) {
            Duration delay = retryDelay(handler, effect, outcome, now);
            boolean held = tx.inTransaction(() -> {
                if (!sideEffects.scheduleRetry(key, effect.attempts(), outcome.summary(), delay)) {
                    return false;
                }
                handler.onOutcome(effect, subject, outcome, SideEffectStatus.RETRYING);
                return true;
            });
            if (!held) {
                return lostClaim(effect);
            }
            queue.enqueueAfter(effect.action().channel(), key, delay);
            return "retry-in-" + delay.toMillis() + "ms";
        }
        SideEffectStatus status = outcome.settledStatus(vendorHonoursKeys);
        boolean held = tx.inTransaction(() -> {
            if (!sideEffects.recordOutcome(key, effect.attempts(), status, outcome.reference(),
                    status == SideEffectStatus.SUCCEEDED ? null : outcome.summary(), now)) {
                return false;
            }
            handler.onOutcome(effect, subject, outcome, status);
            if (status == SideEffectStatus.FAILED) {
                deadLetters.record(new DeadLetterStore.NewDeadLetter(queue.address(effect.action().channel()),
                        outcome.summary(), null, key, key, Map.of(), effect.attempts(), now));
                events.record(EventType.SIDE_EFFECT_DEAD_LETTERED, effect.invoiceId(), deadLetteredData(effect, outcome));
            }
            return true;
        });
        return held ? status.dbValue() : lostClaim(effect);
    }

    private Map<String, Object> deadLetteredData(SideEffect effect, VendorOutcome outcome) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("idempotencyKey", effect.key().value());
        data.put("action", effect.action().keyPart());
        data.put("channel", effect.action().channel().name().toLowerCase());
        data.put("attempts", effect.attempts());
        data.put("reason", outcome.summary());
        data.put("errorCode", outcome.rejectionCode());
        return data;
    }

    /** The back-off, or longer when the vendor asked for more (Retry-After) or the handler cannot retry sooner. */
    private Duration retryDelay(SideEffectHandler<?> handler, SideEffect effect, VendorOutcome outcome, Instant now) {
        Duration delay = policy.backoff(effect.attempts());
        if (outcome.retryAfter() != null && outcome.retryAfter().compareTo(delay) > 0) {
            delay = outcome.retryAfter();
        }
        Instant earliest = handler.retryNotBefore(effect);
        if (earliest != null && earliest.isAfter(now.plus(delay))) {
            delay = Duration.between(now, earliest);
        }
        return delay;
    }

    /** The lease ran out during the call and another worker took the claim over: its record wins, ours is dropped. */
    private static String lostClaim(SideEffect effect) {
        LOG.warn("attempt {} of {} lost its claim during the vendor call; its outcome is left to the attempt that "
                + "took over", effect.attempts(), effect.key());
        return "lost-claim";
    }

    private SideEffectHandler<?> handlerFor(SideEffectAction action) {
        SideEffectHandler<?> handler = handlers.get(action);
        if (handler == null) {
            throw new IllegalStateException("no handler for " + action);
        }
        return handler;
    }
}
