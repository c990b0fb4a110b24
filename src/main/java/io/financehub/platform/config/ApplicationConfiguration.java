package io.financehub.platform.config;

import io.financehub.ledger.application.AccountingReconciliationQuery;
import io.financehub.sideeffect.application.DeadLetterAdministration;
import io.financehub.sms.application.SmsMessageAdministration;
import io.financehub.sideeffect.application.ExecuteSideEffectUseCase;
import io.financehub.invoice.application.InvoiceTimelineQuery;
import io.financehub.invoice.application.IssueInvoiceUseCase;
import io.financehub.payment.application.PaymentEventUseCase;
import io.financehub.sideeffect.application.RedispatchSideEffectsUseCase;
import io.financehub.ledger.application.RepostLedgerEntryUseCase;
import io.financehub.sms.application.SmsDeliveryUseCase;
import io.financehub.ledger.application.AccountingLedger;
import io.financehub.ledger.application.AccountingPostLog;
import io.financehub.audit.application.AuditLog;
import io.financehub.sideeffect.application.DeadLetterStore;
import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.sideeffect.application.MessageRedelivery;
import io.financehub.payment.application.PaymentAttemptLog;
import io.financehub.payment.application.PaymentGateway;
import io.financehub.ledger.application.ReconciliationReadModel;
import io.financehub.payment.application.RefundLedger;
import io.financehub.sideeffect.application.SideEffectQueue;
import io.financehub.sms.application.SmsDeliveryLog;
import io.financehub.sideeffect.application.SideEffectRepository;
import io.financehub.sms.application.SmsMessageLog;
import io.financehub.sms.application.SmsSender;
import io.financehub.sms.application.SmsTemplates;
import io.financehub.invoice.application.TimelineReadModel;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.sideeffect.application.DeadLetterService;
import io.financehub.invoice.application.InvoiceTimelineService;
import io.financehub.invoice.application.IssueInvoiceService;
import io.financehub.ledger.application.LedgerPostingHandler;
import io.financehub.ledger.application.LedgerReconciliationService;
import io.financehub.ledger.application.LedgerRepostService;
import io.financehub.payment.application.PaymentEventService;
import io.financehub.payment.application.PaymentIntentHandler;
import io.financehub.sms.application.SmsDeliveryService;
import io.financehub.sideeffect.application.SideEffectDispatch;
import io.financehub.sideeffect.application.SideEffectExecutor;
import io.financehub.sideeffect.application.SideEffectHandler;
import io.financehub.sideeffect.application.SideEffectPolicy;
import io.financehub.sideeffect.application.OutboxRelay;
import io.financehub.sms.application.SmsNotificationHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;

/** Wires the framework-free use cases to their ports, explicitly: the application layer has no annotations. */
@Configuration
public class ApplicationConfiguration {

    static final String STATUS_CALLBACK_PATH = "/webhooks/twilio/sms-status";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SideEffectPolicy sideEffectPolicy(HubProperties hub) {
        HubProperties.SideEffects s = hub.sideEffects();
        return new SideEffectPolicy(s.lease(), s.redispatchAfter(), s.maxAttempts(), s.firstBackoff(), s.maxBackoff());
    }

    @Bean
    SideEffectDispatch sideEffectDispatch(SideEffectRepository sideEffects, SideEffectQueue queue,
                                          ThreadPoolExecutor sideEffectHandOff) {
        return new SideEffectDispatch(sideEffects, queue, sideEffectHandOff);
    }

    /**
     * Two threads hand committed side effects to the broker; a full queue (the broker unreachable for long) drops
     * the hint, never the side effect: its row stays pending and the outbox relay enqueues it.
     */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolExecutor sideEffectHandOff() {
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000), r -> {
            Thread t = new Thread(r, "side-effect-hand-off-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    @Bean
    IssueInvoiceUseCase issueInvoiceUseCase(InvoiceRepository invoices, SideEffectDispatch dispatch, AuditLog audit,
                                            TransactionRunner tx, Clock clock) {
        return new IssueInvoiceService(invoices, dispatch, audit, tx, clock);
    }

    @Bean
    InvoiceTimelineQuery invoiceTimelineQuery(InvoiceRepository invoices, TimelineReadModel readModel) {
        return new InvoiceTimelineService(invoices, readModel);
    }

    @Bean
    PaymentEventUseCase paymentEventUseCase(InvoiceRepository invoices, RefundLedger refunds,
                                            SideEffectDispatch dispatch, TransactionRunner tx, Clock clock) {
        return new PaymentEventService(invoices, refunds, dispatch, tx, clock);
    }

    @Bean
    SmsDeliveryUseCase smsDeliveryUseCase(SmsDeliveryLog deliveries) {
        return new SmsDeliveryService(deliveries);
    }

    @Bean
    PaymentIntentHandler paymentIntentHandler(PaymentGateway gateway, PaymentAttemptLog attempts,
                                              InvoiceRepository invoices, Clock clock) {
        return new PaymentIntentHandler(gateway, attempts, invoices, clock);
    }

    @Bean
    LedgerPostingHandler ledgerPostingHandler(AccountingLedger ledger, AccountingPostLog posts, Clock clock) {
        return new LedgerPostingHandler(ledger, posts, clock);
    }

    @Bean
    SmsNotificationHandler smsNotificationHandler(SmsSender sender, SmsMessageLog messages, SmsTemplates templates,
                                                  HubProperties hub) {
        return new SmsNotificationHandler(sender, messages, templates, hub.publicBaseUrl() + STATUS_CALLBACK_PATH);
    }

    /** Named for the YAML routes: {@code bean: {ref: sideEffectExecutor, method: execute}}. */
    @Bean
    ExecuteSideEffectUseCase sideEffectExecutor(SideEffectRepository sideEffects, InvoiceRepository invoices,
                                                SideEffectQueue queue, DeadLetterStore deadLetters,
                                                TransactionRunner tx, SideEffectPolicy policy, Clock clock,
                                                List<SideEffectHandler> handlers) {
        return new SideEffectExecutor(sideEffects, invoices, queue, deadLetters, tx, policy, clock, handlers);
    }

    /** Named for the {@code outbox-relay} route. */
    @Bean
    RedispatchSideEffectsUseCase sideEffectRelay(SideEffectRepository sideEffects, SideEffectQueue queue,
                                                 SideEffectPolicy policy) {
        return new OutboxRelay(sideEffects, queue, policy);
    }

    @Bean
    AccountingReconciliationQuery accountingReconciliationQuery(ReconciliationReadModel readModel,
                                                                AccountingLedger ledger, SideEffectPolicy policy,
                                                                Clock clock) {
        return new LedgerReconciliationService(readModel, ledger, policy, clock);
    }

    @Bean
    RepostLedgerEntryUseCase repostLedgerEntryUseCase(SideEffectRepository sideEffects, InvoiceRepository invoices,
                                                      AccountingLedger ledger, SideEffectDispatch dispatch,
                                                      TransactionRunner tx, Clock clock) {
        return new LedgerRepostService(sideEffects, invoices, ledger, dispatch, tx, clock);
    }

    @Bean
    DeadLetterAdministration deadLetterAdministration(DeadLetterStore store, SideEffectRepository sideEffects,
                                                      SideEffectDispatch dispatch, MessageRedelivery redelivery,
                                                      SmsMessageAdministration sms, SideEffectPolicy policy,
                                                      Clock clock) {
        // a retry claim held longer than a side-effect claim belongs to a hub that died mid-retry
        return new DeadLetterService(store, sideEffects, dispatch, redelivery, sms, clock, policy.lease());
    }
}
