package io.financehub.sideeffect.application;

import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.sideeffect.application.SideEffectRepository.Claim;
import io.financehub.sideeffect.application.SideEffectRepository.ClaimKind;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.invoice.domain.Invoice;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that runs the "claim key → call vendor → record" shape for every side effect. Each step is
 * resumable from the claim: a crash before the vendor call leaves an in-progress claim that the relay hands to
 * another worker after the lease, and that worker {@linkplain SideEffectHandler#resume resumes} it.
 */
public class SideEffectExecutor implements ExecuteSideEffectUseCase {

    private static final Logger LOG = Logger.getLogger(SideEffectExecutor.class.getName());

    private final SideEffectRepository sideEffects;
    private final InvoiceRepository invoices;
    private final SideEffectQueue queue;
    private final DeadLetterStore deadLetters;
    private final TransactionRunner tx;
    private final SideEffectPolicy policy;
    private final Clock clock;
    private final Map<SideEffectAction, SideEffectHandler> handlers = new EnumMap<>(SideEffectAction.class);

    public SideEffectExecutor(SideEffectRepository sideEffects, InvoiceRepository invoices, SideEffectQueue queue,
                              DeadLetterStore deadLetters, TransactionRunner tx, SideEffectPolicy policy, Clock clock,
                              List<SideEffectHandler> handlerList) {
        this.sideEffects = sideEffects;
        this.invoices = invoices;
        this.queue = queue;
        this.deadLetters = deadLetters;
        this.tx = tx;
        this.policy = policy;
        this.clock = clock;
        for (SideEffectHandler handler : handlerList) {
            handler.actions().forEach(action -> {
                if (handlers.put(action, handler) != null) {
                    throw new IllegalStateException("two handlers for " + action);
                }
            });
        }
    }

    @Override
    public String execute(String idempotencyKey) {
        Optional<SideEffect> stored = sideEffects.find(idempotencyKey);
        if (stored.isEmpty()) {
            LOG.warning(() -> "no side effect stored under " + idempotencyKey + "; message ignored");
            return "unknown-key";
        }
        if (stored.get().status().isFinal() || stored.get().status() == SideEffectStatus.UNKNOWN) {
            return "already-" + stored.get().status().dbValue();
        }
        SideEffectHandler handler = handlerFor(stored.get().action());
        Invoice invoice = invoices.find(stored.get().invoiceId())
                .orElseThrow(() -> new IllegalStateException("side effect " + idempotencyKey + " has no invoice"));
        Claim claim = tx.inTransaction(() -> {
            // the lease is measured by the database's clock: this replica's own may run ahead of the holder's
            Claim c = sideEffects.claim(idempotencyKey, policy.lease());
            if (c.claimed()) {
                handler.onClaim(c.effect(), invoice);
            }
            return c;
        });
        if (!claim.claimed()) {
            return "not-claimed";
        }
        SideEffect effect = claim.effect();
        VendorOutcome outcome = call(handler, claim.kind(), effect, invoice);
        return record(handler, effect, invoice, outcome);
    }

    private VendorOutcome call(SideEffectHandler handler, ClaimKind kind, SideEffect effect, Invoice invoice) {
        try {
            return kind == ClaimKind.TAKEOVER ? handler.resume(effect, invoice) : handler.perform(effect, invoice);
        } catch (RuntimeException e) {
            // an adapter bug or an unexpected client error: whether the request left is not known
            LOG.log(Level.WARNING, "side effect " + effect.key() + " failed unexpectedly", e);
            return new VendorOutcome.Unknown(e.getClass().getSimpleName() + ": " + e.getMessage(),
                    VendorExchange.requestOnly(null));
        }
    }

    private String record(SideEffectHandler handler, SideEffect effect, Invoice invoice, VendorOutcome outcome) {
        Instant now = clock.instant();
        String key = effect.key().value();
        boolean retry = outcome instanceof VendorOutcome.Retryable
                || (outcome instanceof VendorOutcome.Unknown && handler.retriesUnknownOutcome());
        if (retry && effect.attempts() < policy.maxAttempts()) {
            Duration delay = retryDelay(handler, effect, outcome, now);
            boolean held = tx.inTransaction(() -> {
                if (!sideEffects.scheduleRetry(key, effect.attempts(), describe(outcome), delay)) {
                    return false;
                }
                handler.onOutcome(effect, invoice, outcome, SideEffectStatus.RETRYING);
                return true;
            });
            if (!held) {
                return lostClaim(effect);
            }
            queue.enqueueAfter(effect.action().channel(), key, delay);
            return "retry-in-" + delay.toMillis() + "ms";
        }
        SideEffectStatus status;
        if (outcome instanceof VendorOutcome.Succeeded) {
            status = SideEffectStatus.SUCCEEDED;
        } else if (outcome instanceof VendorOutcome.Unknown && !handler.retriesUnknownOutcome()) {
            status = SideEffectStatus.UNKNOWN;
        } else {
            status = SideEffectStatus.FAILED;
        }
        String reference = outcome instanceof VendorOutcome.Succeeded s ? s.reference() : null;
        boolean held = tx.inTransaction(() -> {
            if (!sideEffects.recordOutcome(key, effect.attempts(), status, reference,
                    status == SideEffectStatus.SUCCEEDED ? null : describe(outcome), now)) {
                return false;
            }
            handler.onOutcome(effect, invoice, outcome, status);
            if (status == SideEffectStatus.FAILED) {
                deadLetters.record(new DeadLetterStore.NewDeadLetter(
                        "hub.side-effects." + effect.action().channel().name().toLowerCase(), describe(outcome),
                        null, key, key, Map.of(), effect.attempts(), now));
            }
            return true;
        });
        return held ? status.dbValue() : lostClaim(effect);
    }

    /** The back-off, or longer when the vendor asked for more (Retry-After) or the handler cannot retry sooner. */
    private Duration retryDelay(SideEffectHandler handler, SideEffect effect, VendorOutcome outcome, Instant now) {
        Duration delay = policy.backoff(effect.attempts());
        if (outcome instanceof VendorOutcome.Retryable r && r.retryAfter() != null
                && r.retryAfter().compareTo(delay) > 0) {
            delay = r.retryAfter();
        }
        Instant earliest = handler.retryNotBefore(effect);
        if (earliest != null && earliest.isAfter(now.plus(delay))) {
            delay = Duration.between(now, earliest);
        }
        return delay;
    }

    /** The lease ran out during the call and another worker took the claim over: its record wins, ours is dropped. */
    private static String lostClaim(SideEffect effect) {
        LOG.warning(() -> "attempt " + effect.attempts() + " of " + effect.key() + " lost its claim during the vendor "
                + "call; its outcome is left to the attempt that took over");
        return "lost-claim";
    }

    private SideEffectHandler handlerFor(SideEffectAction action) {
        SideEffectHandler handler = handlers.get(action);
        if (handler == null) {
            throw new IllegalStateException("no handler for " + action);
        }
        return handler;
    }

    private static String describe(VendorOutcome outcome) {
        if (outcome instanceof VendorOutcome.Rejected r) {
            return "rejected " + r.code() + ": " + r.message();
        }
        if (outcome instanceof VendorOutcome.Retryable r) {
            return "retryable: " + r.message();
        }
        if (outcome instanceof VendorOutcome.Unknown u) {
            return "outcome unknown: " + u.message();
        }
        return "succeeded";
    }
}
