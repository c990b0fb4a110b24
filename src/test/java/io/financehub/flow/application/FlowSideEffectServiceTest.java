package io.financehub.flow.application;

import io.financehub.flow.domain.FlowCall;
import io.financehub.flow.domain.UnknownOutcomePolicy;
import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.invoice.domain.Invoice;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.sideeffect.application.SideEffectDispatch;
import io.financehub.sideeffect.application.SideEffectQueue;
import io.financehub.sideeffect.application.SideEffectRepository;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.sideeffect.domain.SideEffectChannel;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The flows' exactly-once step: one stored side effect per key, under an existing invoice, never a built-in key. */
class FlowSideEffectServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final FlowCall CALL = new FlowCall("direct:crm-post-payment", "{}", "application/json",
            UnknownOutcomePolicy.RETRY_SAME_KEY, "Idempotency-Key");

    private final SideEffectRepository sideEffects = mock(SideEffectRepository.class);
    private final InvoiceRepository invoices = mock(InvoiceRepository.class);
    private final List<String> queued = new ArrayList<>();
    private final List<String> transactions = new ArrayList<>();
    private final FlowSideEffectService service = new FlowSideEffectService(sideEffects,
            new SideEffectDispatch(sideEffects, new RecordingQueue(), Runnable::run), invoices, new TransactionRunner() {
                @Override
                public <T> T inTransaction(Supplier<T> work) {
                    transactions.add("begin");
                    T result = work.get();
                    transactions.add("commit");
                    return result;
                }
            }, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void storesTheCallUnderItsKeyAndQueuesItOnTheFlowsChannelAfterCommit() {
        when(invoices.find("INV-1")).thenReturn(Optional.of(mock(Invoice.class)));
        when(sideEffects.createIfAbsent(any(), any(), any())).thenAnswer(i -> {
            assertThat(transactions).as("stored inside the transaction").containsExactly("begin");
            return true;
        });

        assertThat(service.request("INV-1:crm-payment-sync", CALL)).isEqualTo(FlowSideEffectService.Requested.STORED);

        verify(sideEffects).createIfAbsent(IdempotencyKey.flowCall("INV-1", "crm-payment-sync"), CALL.toParameters(),
                NOW);
        assertThat(queued).containsExactly("FLOWS INV-1:crm-payment-sync");
        assertThat(transactions).containsExactly("begin", "commit");
    }

    @Test
    void aKeyStoredBeforeQueuesNothing() {
        when(invoices.find("INV-1")).thenReturn(Optional.of(mock(Invoice.class)));
        when(sideEffects.createIfAbsent(any(), any(), any())).thenReturn(false);

        assertThat(service.request("INV-1:crm-payment-sync", CALL))
                .isEqualTo(FlowSideEffectService.Requested.ALREADY_STORED);
        assertThat(queued).isEmpty();
    }

    @Test
    void refusesAKeyWithoutAnExistingInvoice() {
        when(invoices.find("INV-404")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.request("INV-404:crm-payment-sync", CALL))
                .isInstanceOf(FlowCallRefusedException.class).hasMessageContaining("no invoice INV-404");
        verify(sideEffects, never()).createIfAbsent(any(), any(), any());
    }

    @Test
    void refusesBuiltInAndMalformedKeys() {
        for (String key : new String[] {"INV-1:post-invoice", "INV-1:create-payment-intent", "INV-1:post-refund",
                "INV-1:Crm Sync", ":crm-payment-sync", "crm-payment-sync", "", " "}) {
            assertThatThrownBy(() -> service.request(key, CALL)).as(key).isInstanceOf(FlowCallRefusedException.class);
        }
        assertThatThrownBy(() -> service.request(null, CALL)).isInstanceOf(FlowCallRefusedException.class);
        verify(sideEffects, never()).createIfAbsent(any(), any(), any());
        verify(invoices, never()).find(eq("INV-1"));
    }

    private final class RecordingQueue implements SideEffectQueue {
        @Override
        public void enqueue(SideEffectChannel channel, String idempotencyKey) {
            queued.add(channel + " " + idempotencyKey);
        }

        @Override
        public void enqueueAfter(SideEffectChannel channel, String idempotencyKey, Duration delay) {
            queued.add(channel + " " + idempotencyKey + " after " + delay);
        }

        @Override
        public String address(SideEffectChannel channel) {
            return "hub.side-effects." + channel;
        }
    }
}
