package io.financehub.ledger;

import io.financehub.event.application.DomainEventOutbox;
import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.ledger.adapter.AccountingProperties;
import io.financehub.ledger.adapter.HledgerLedger;
import io.financehub.ledger.adapter.JdbcAccountingPostLog;
import io.financehub.ledger.adapter.JdbcReconciliationReadModel;
import io.financehub.ledger.adapter.JdbcSandboxLedgerStore;
import io.financehub.ledger.adapter.LedgerHttpClient;
import io.financehub.ledger.adapter.MeteredReconciliation;
import io.financehub.ledger.adapter.SandboxAccountingLedger;
import io.financehub.ledger.adapter.XeroLedger;
import io.financehub.ledger.application.AccountingLedger;
import io.financehub.ledger.application.AccountingPostLog;
import io.financehub.ledger.application.AccountingReconciliationQuery;
import io.financehub.ledger.application.LedgerPostingHandler;
import io.financehub.ledger.application.LedgerReconciliationService;
import io.financehub.ledger.application.LedgerRepostService;
import io.financehub.ledger.application.ReconciliationPeriod;
import io.financehub.ledger.application.ReconciliationReadModel;
import io.financehub.ledger.application.ReconciliationSink;
import io.financehub.ledger.application.RepostLedgerEntryUseCase;
import io.financehub.platform.metrics.MetricsProperties;
import io.financehub.platform.metrics.PeriodicSample;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.sideeffect.application.SideEffectDispatch;
import io.financehub.sideeffect.application.SideEffectPolicy;
import io.financehub.sideeffect.application.SideEffectRepository;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import java.time.Clock;

/**
 * The ledger: the journal-entry side effect on hledger-web, a Xero-shaped API or the in-process sandbox (chosen by
 * {@code HUB_ACCOUNTING_KIND}), its reconciliation against what the ledger holds, and operators' reposts.
 */
@Configuration
// adapters whose only constructor takes beans Spring already has (JdbcTemplate, ProducerTemplate)
@Import({JdbcAccountingPostLog.class, JdbcReconciliationReadModel.class})
public class LedgerConfiguration {

    @Bean
    public AccountingLedger accountingLedger(AccountingProperties accounting, SideEffectPolicy policy,
                                             JdbcTemplate jdbc, ProducerTemplate producer, Clock clock) {
        if (!"sandbox".equals(accounting.kind())
                && accounting.longestAttempt(accounting.kind()).compareTo(policy.lease()) >= 0) {
            // a takeover must never overlap a request still in flight, or a lookup can miss a post about to land
            throw new IllegalStateException("HUB_ACCOUNTING_TIMEOUT " + accounting.timeout() + " allows attempts of "
                    + accounting.longestAttempt(accounting.kind()) + ", not shorter than the side-effect lease "
                    + policy.lease());
        }
        if ("hledger".equals(accounting.kind())
                && accounting.lookupDelay().compareTo(accounting.longestCall()) <= 0) {
            // the delay is counted from before the post's request, so it must outlast the hub's own wait for it
            throw new IllegalStateException("HUB_ACCOUNTING_LOOKUP_DELAY " + accounting.lookupDelay()
                    + " must be longer than one call to hledger-web may wait (" + accounting.longestCall()
                    + " with HUB_ACCOUNTING_TIMEOUT " + accounting.timeout() + ")");
        }
        return switch (accounting.kind()) {
            case "sandbox" -> new SandboxAccountingLedger(new JdbcSandboxLedgerStore(jdbc));
            case "hledger" -> new HledgerLedger(vendorHttp(accounting, producer), accounting.timeout(),
                    accounting.lookupDelay(), clock);
            case "xero" -> new XeroLedger(vendorHttp(accounting, producer), accounting.xero(), clock);
            default -> throw new IllegalStateException("HUB_ACCOUNTING_KIND must be hledger, xero or sandbox, not "
                    + accounting.kind());
        };
    }

    /** The ledger's routes take their URL from {@code HUB_ACCOUNTING_URL}, which a real ledger requires. */
    private static LedgerHttpClient vendorHttp(AccountingProperties accounting, ProducerTemplate producer) {
        accounting.requireUrl();
        return new LedgerHttpClient(producer);
    }

    @Bean
    LedgerPostingHandler ledgerPostingHandler(AccountingLedger ledger, AccountingPostLog posts,
                                              InvoiceRepository invoices, DomainEventOutbox events, Clock clock) {
        return new LedgerPostingHandler(ledger, posts, invoices, events, clock);
    }

    @Bean
    AccountingReconciliationQuery accountingReconciliationQuery(ReconciliationReadModel readModel,
                                                                AccountingLedger ledger, SideEffectPolicy policy,
                                                                Clock clock, MeterRegistry registry) {
        return new MeteredReconciliation(new LedgerReconciliationService(readModel, ledger, policy, clock), registry);
    }

    /**
     * The scheduled reconciliation behind {@code hub_reconciliation_differences}, every
     * {@code HUB_METRICS_RECONCILIATION_PERIOD}; the first once the hub has run for a sample period, so a ledger
     * still starting beside it is not read at once. A full pass over every invoice in pages, keeping only counts.
     */
    @Bean
    PeriodicSample reconciliationSample(AccountingReconciliationQuery reconciliation, MetricsProperties metrics) {
        return new PeriodicSample("reconciliation", metrics.samplePeriod(), metrics.reconciliationPeriod(),
                () -> reconciliation.stream(ReconciliationPeriod.ALL, ReconciliationSink.DISCARD));
    }

    @Bean
    RepostLedgerEntryUseCase repostLedgerEntryUseCase(SideEffectRepository sideEffects, InvoiceRepository invoices,
                                                      AccountingLedger ledger, SideEffectDispatch dispatch,
                                                      TransactionRunner tx, Clock clock) {
        return new LedgerRepostService(sideEffects, invoices, ledger, dispatch, tx, clock);
    }
}
