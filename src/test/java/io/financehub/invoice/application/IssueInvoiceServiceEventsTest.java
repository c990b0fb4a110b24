package io.financehub.invoice.application;

import io.financehub.support.DiscardingSideEffectQueue;
import io.financehub.support.DirectTransactions;
import io.financehub.audit.domain.CommandChannel;
import io.financehub.event.application.RecordingOutbox;
import io.financehub.event.domain.EventType;
import io.financehub.sideeffect.application.InMemorySideEffects;
import io.financehub.sideeffect.application.SideEffectDispatch;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code invoice.issued} is published when an invoice is accepted the first time, never for a replay or conflict. */
class IssueInvoiceServiceEventsTest {

    private final RecordingOutbox events = new RecordingOutbox();
    private final InMemorySideEffects sideEffects = new InMemorySideEffects();
    private final List<String> audit = new ArrayList<>();
    private final IssueInvoiceService service = new IssueInvoiceService(new InMemoryInvoices(), sideEffects,
            new SideEffectDispatch(sideEffects, new DiscardingSideEffectQueue(), Runnable::run),
            (channel, command, invoiceId, hash, outcome, detail) -> audit.add(outcome), events, new DirectTransactions(),
            Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void theFirstAcceptancePublishesInvoiceIssuedWithoutTheCustomersNameOrPhone() {
        service.issue(command("INV-EV-1", 12_500), CommandChannel.HTTP);

        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.INVOICE_ISSUED);
            assertThat(e.invoiceId()).isEqualTo("INV-EV-1");
            assertThat(e.data()).containsEntry("amountMinor", 12_500L).containsEntry("currency", "USD")
                    .containsEntry("customerId", "C-1").containsEntry("description", "Consulting")
                    .containsEntry("channel", "http").containsEntry("smsRequested", true)
                    .doesNotContainValue("Ada").doesNotContainValue("+15551234567");
        });
    }

    @Test
    void aReplayAndAConflictPublishNothing() {
        service.issue(command("INV-EV-2", 12_500), CommandChannel.HTTP);
        events.clear();

        assertThat(service.issue(command("INV-EV-2", 12_500), CommandChannel.JMS).replayed()).isTrue();
        assertThatThrownBy(() -> service.issue(command("INV-EV-2", 99), CommandChannel.HTTP))
                .isInstanceOf(IdempotencyConflictException.class);

        assertThat(events.events()).isEmpty();
        assertThat(audit).containsExactly("accepted", "replayed", "conflict");
    }

    private static IssueInvoiceCommand command(String invoiceId, long amountMinor) {
        return new IssueInvoiceCommand(invoiceId, "C-1", "Ada", "+15551234567", "USD", amountMinor, "Consulting");
    }
}
