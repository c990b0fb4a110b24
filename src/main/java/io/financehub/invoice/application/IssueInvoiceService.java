package io.financehub.invoice.application;

import io.financehub.audit.domain.CommandChannel;
import io.financehub.event.application.DomainEventOutbox;
import io.financehub.event.domain.EventType;
import io.financehub.sideeffect.application.OutboxRelay;
import io.financehub.sideeffect.application.SideEffectDispatch;
import io.financehub.sideeffect.application.SideEffectRepository;
import io.financehub.audit.application.AuditLog;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.invoice.domain.Customer;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.invoice.domain.Invoice;
import io.financehub.invoice.domain.PaymentFacts;
import io.financehub.sideeffect.domain.SideEffectAction;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores the invoice, its side effects and its {@code invoice.issued} event in one transaction, then dispatches the
 * side effects. A crash between the commit and the dispatch is repaired by the relay ({@link OutboxRelay}); a replay
 * changes nothing and publishes nothing.
 */
public class IssueInvoiceService implements IssueInvoiceUseCase {

    private static final String COMMAND = "IssueInvoice";

    private final InvoiceRepository invoices;
    private final SideEffectRepository sideEffects;
    private final SideEffectDispatch dispatch;
    private final AuditLog audit;
    private final DomainEventOutbox events;
    private final TransactionRunner tx;
    private final Clock clock;

    public IssueInvoiceService(InvoiceRepository invoices, SideEffectRepository sideEffects,
                               SideEffectDispatch dispatch, AuditLog audit, DomainEventOutbox events,
                               TransactionRunner tx, Clock clock) {
        this.invoices = invoices;
        this.sideEffects = sideEffects;
        this.dispatch = dispatch;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public IssueInvoiceResult issue(IssueInvoiceCommand command, CommandChannel channel) {
        // stored with microsecond precision (H2 and PostgreSQL): answer with what a replay will read back
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Invoice candidate = new Invoice(command.invoiceId(),
                new Customer(command.customerId(), command.customerName(), command.customerPhone()),
                command.amount(), command.description(), command.contentHash(), PaymentFacts.NONE, now);
        List<IdempotencyKey> created = new ArrayList<>();
        IssueInvoiceResult result;
        try {
            result = tx.inTransaction(() -> {
                if (!invoices.insertIfAbsent(candidate)) {
                    Invoice existing = invoices.find(command.invoiceId()).orElseThrow();
                    if (!existing.contentHash().equals(candidate.contentHash())) {
                        throw new IdempotencyConflictException(command.invoiceId());
                    }
                    audit.recordInboundCommand(channel, COMMAND, command.invoiceId(), command.contentHash(), "replayed", null);
                    return new IssueInvoiceResult(existing, true);
                }
                for (SideEffectAction action : actionsFor(command)) {
                    IdempotencyKey key = IdempotencyKey.of(command.invoiceId(), action);
                    if (sideEffects.createIfAbsent(key, Map.of(), now)) {
                        created.add(key);
                    }
                }
                audit.recordInboundCommand(channel, COMMAND, command.invoiceId(), command.contentHash(), "accepted", null);
                events.record(EventType.INVOICE_ISSUED, command.invoiceId(), issuedData(command, channel));
                return new IssueInvoiceResult(candidate, false);
            });
        } catch (IdempotencyConflictException e) {
            audit.recordInboundCommand(channel, COMMAND, command.invoiceId(), command.contentHash(), "conflict", e.getMessage());
            throw e;
        }
        dispatch.dispatchAll(created);
        return result;
    }

    @Override
    public void recordRejected(CommandChannel channel, String invoiceId, String reason) {
        audit.recordInboundCommand(channel, COMMAND, invoiceId, null, "rejected", reason);
    }

    /** What a flow needs of a new invoice; the customer's name and phone stay in the hub. */
    private static Map<String, Object> issuedData(IssueInvoiceCommand command, CommandChannel channel) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("amountMinor", command.amountMinor());
        data.put("currency", command.currency());
        data.put("customerId", command.customerId());
        data.put("description", command.description());
        data.put("channel", channel.name().toLowerCase());
        data.put("smsRequested", command.customerPhone() != null);
        return data;
    }

    private static List<SideEffectAction> actionsFor(IssueInvoiceCommand command) {
        List<SideEffectAction> actions = new ArrayList<>(List.of(SideEffectAction.CREATE_PAYMENT_INTENT,
                SideEffectAction.POST_INVOICE));
        if (command.customerPhone() != null) {
            actions.add(SideEffectAction.SMS_INVOICE_ISSUED);
        }
        return actions;
    }
}
