package io.financehub.flow.application;

import io.financehub.flow.domain.FlowCall;
import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.sideeffect.application.SideEffectDispatch;
import io.financehub.sideeffect.application.SideEffectRepository;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.sideeffect.domain.SideEffectAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * The exactly-once step of YAML flows: stores a flow's call under its key, once, and hands it to the flows queue,
 * where the side-effect executor makes it. A key stored before (a redelivered or duplicate event) changes nothing.
 */
public class FlowSideEffectService {

    private static final Logger LOG = LoggerFactory.getLogger(FlowSideEffectService.class);

    private final SideEffectRepository sideEffects;
    private final SideEffectDispatch dispatch;
    private final InvoiceRepository invoices;
    private final TransactionRunner tx;
    private final Clock clock;

    public FlowSideEffectService(SideEffectRepository sideEffects, SideEffectDispatch dispatch,
                                 InvoiceRepository invoices, TransactionRunner tx, Clock clock) {
        this.sideEffects = sideEffects;
        this.dispatch = dispatch;
        this.invoices = invoices;
        this.tx = tx;
        this.clock = clock;
    }

    /** Whether this request stored the call, or found it stored under its key already. */
    public enum Requested {
        STORED, ALREADY_STORED;

        public String text() {
            return this == STORED ? "stored" : "already-stored";
        }
    }

    /**
     * Stores {@code call} under {@code key} unless the key exists, and queues it after commit.
     *
     * @throws FlowCallRefusedException when the key is no flow key or its invoice does not exist
     */
    public Requested request(String key, FlowCall call) {
        IdempotencyKey parsed = flowKey(key);
        boolean stored = tx.inTransaction(() -> {
            if (invoices.find(parsed.invoiceId()).isEmpty()) {
                throw new FlowCallRefusedException("flow key " + key + ": the hub has no invoice "
                        + parsed.invoiceId() + " (a flow's key starts with an existing invoice id)");
            }
            return sideEffects.createIfAbsent(parsed, call.toParameters(), clock.instant());
        });
        if (!stored) {
            LOG.debug("flow call {} is stored already; nothing to do", key);
            return Requested.ALREADY_STORED;
        }
        dispatch.dispatchAll(List.of(parsed));
        return Requested.STORED;
    }

    private static IdempotencyKey flowKey(String key) {
        if (key == null || key.isBlank()) {
            throw new FlowCallRefusedException("a flow call needs a key, <invoice id>:<flow name>");
        }
        IdempotencyKey parsed;
        try {
            parsed = IdempotencyKey.parse(key);
        } catch (IllegalArgumentException e) {
            throw new FlowCallRefusedException("flow key " + key + ": " + e.getMessage());
        }
        if (parsed.action() != SideEffectAction.FLOW_CALL) {
            throw new FlowCallRefusedException("flow key " + key + ": '" + parsed.action().keyPart()
                    + "' is the hub's own action; a flow's key needs a name of its own");
        }
        return parsed;
    }
}
