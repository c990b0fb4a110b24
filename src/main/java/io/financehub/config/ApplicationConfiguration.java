package io.financehub.config;

import io.financehub.application.port.in.AccountingReconciliationQuery;
import io.financehub.application.port.in.DeadLetterAdministration;
import io.financehub.application.port.in.SmsMessageAdministration;
import io.financehub.application.port.in.ExecuteSideEffectUseCase;
import io.financehub.application.port.in.InvoiceTimelineQuery;
import io.financehub.application.port.in.IssueInvoiceUseCase;
import io.financehub.application.port.in.PaymentEventUseCase;
import io.financehub.application.port.in.RedispatchSideEffectsUseCase;
import io.financehub.application.port.in.RepostLedgerEntryUseCase;
import io.financehub.application.port.in.SmsDeliveryUseCase;
import io.financehub.application.port.out.AccountingLedger;
import io.financehub.application.port.out.AccountingPostLog;
import io.financehub.application.port.out.AuditLog;
import io.financehub.application.port.out.DeadLetterStore;
import io.financehub.application.port.out.InvoiceRepository;
import io.financehub.application.port.out.MessageRedelivery;
import io.financehub.application.port.out.PaymentAttemptLog;
import io.financehub.application.port.out.PaymentGateway;
import io.financehub.application.port.out.ReconciliationReadModel;
import io.financehub.application.port.out.RefundLedger;
import io.financehub.application.port.out.SideEffectQueue;
import io.financehub.application.port.out.SmsDeliveryLog;
import io.financehub.application.port.out.SideEffectRepository;
import io.financehub.application.port.out.SmsMessageLog;
import io.financehub.application.port.out.SmsSender;
import io.financehub.application.port.out.SmsTemplates;
import io.financehub.application.port.out.TimelineReadModel;
import io.financehub.application.port.out.TransactionRunner;
import io.financehub.application.service.DeadLetterService;
import io.financehub.application.service.InvoiceTimelineService;
import io.financehub.application.service.IssueInvoiceService;
import io.financehub.application.service.LedgerPostingHandler;
import io.financehub.application.service.LedgerReconciliationService;
import io.financehub.application.service.LedgerRepostService;
import io.financehub.application.service.PaymentEventService;
import io.financehub.application.service.PaymentIntentHandler;
import io.financehub.application.service.SmsDeliveryService;
import io.financehub.application.service.SideEffectDispatch;
import io.financehub.application.service.SideEffectExecutor;
import io.financehub.application.service.SideEffectHandler;
import io.financehub.application.service.SideEffectPolicy;
import io.financehub.application.service.SideEffectRedispatcher;
import io.financehub.application.service.SmsNotificationHandler;
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
        return new SideEffectRedispatcher(sideEffects, queue, policy);
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
