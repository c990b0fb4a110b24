package io.financehub.sideeffect;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import io.financehub.event.application.DomainEventOutbox;
import io.financehub.platform.broker.BrokerConfiguration;
import io.financehub.platform.metrics.MetricsProperties;
import io.financehub.platform.metrics.PeriodicSample;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.sideeffect.adapter.BrokerDeadLetterListener;
import io.financehub.sideeffect.adapter.CamelMessageRedelivery;
import io.financehub.sideeffect.adapter.CamelSideEffectQueue;
import io.financehub.sideeffect.adapter.JdbcDeadLetterStore;
import io.financehub.sideeffect.adapter.JdbcSideEffectCensus;
import io.financehub.sideeffect.adapter.JdbcSideEffectRepository;
import io.financehub.sideeffect.adapter.SideEffectGauges;
import io.financehub.sideeffect.adapter.VendorCallMetrics;
import io.financehub.sideeffect.application.DeadLetterAdministration;
import io.financehub.sideeffect.application.DeadLetterService;
import io.financehub.sideeffect.application.DeadLetterStore;
import io.financehub.sideeffect.application.MessageRedelivery;
import io.financehub.sideeffect.application.OutboxRelay;
import io.financehub.sideeffect.application.SideEffectDispatch;
import io.financehub.sideeffect.application.SideEffectExecutor;
import io.financehub.sideeffect.application.SideEffectHandler;
import io.financehub.sideeffect.application.SideEffectPolicy;
import io.financehub.sideeffect.application.SideEffectQueue;
import io.financehub.sideeffect.application.SideEffectRepository;
import io.financehub.sideeffect.application.UnknownOutcomeRetry;
import io.financehub.sideeffect.application.VendorCallMeter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Side effects: the claim → call → record executor every vendor call runs through, the hand-off to the queues, the
 * outbox relay, the dead letters operators retry, and the meters of all of these.
 */
@Configuration
// adapters whose only constructor takes beans Spring already has (JdbcTemplate, ProducerTemplate)
@Import({
        JdbcSideEffectRepository.class,
        JdbcDeadLetterStore.class,
        CamelSideEffectQueue.class,
        CamelMessageRedelivery.class
})
public class SideEffectConfiguration {

    @Bean
    SideEffectPolicy sideEffectPolicy(SideEffectProperties s) {
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

    /** Named for the YAML routes: {@code bean: {ref: sideEffectExecutor, method: execute}}. */
    @Bean
    SideEffectExecutor sideEffectExecutor(SideEffectRepository sideEffects, SideEffectQueue queue,
                                          DeadLetterStore deadLetters, DomainEventOutbox events, TransactionRunner tx,
                                          SideEffectPolicy policy, Clock clock, VendorCallMeter vendorCalls,
                                          List<SideEffectHandler<?>> handlers) {
        return new SideEffectExecutor(sideEffects, queue, deadLetters, events, tx, policy, clock, vendorCalls,
                handlers);
    }

    @Bean
    VendorCallMeter vendorCallMeter(MeterRegistry registry, List<SideEffectHandler<?>> handlers) {
        return new VendorCallMetrics(registry, handlers);
    }

    /** Side effects by channel and status, their ages, open dead letters and the backlog, read every sample period. */
    @Bean
    PeriodicSample sideEffectSample(MeterRegistry registry, JdbcTemplate jdbc, MetricsProperties metrics) {
        SideEffectGauges gauges = new SideEffectGauges(registry);
        JdbcSideEffectCensus census = new JdbcSideEffectCensus(jdbc);
        return new PeriodicSample("side effects", metrics.samplePeriod(), () -> gauges.update(census.read()));
    }

    /** Named for the {@code outbox-relay} route. */
    @Bean
    OutboxRelay outboxRelay(SideEffectRepository sideEffects, SideEffectQueue queue, SideEffectPolicy policy) {
        return new OutboxRelay(sideEffects, queue, policy);
    }

    @Bean
    DeadLetterAdministration deadLetterAdministration(DeadLetterStore store, SideEffectRepository sideEffects,
                                                      SideEffectDispatch dispatch, MessageRedelivery redelivery,
                                                      ObjectProvider<UnknownOutcomeRetry> unknownOutcomeRetries,
                                                      SideEffectPolicy policy, Clock clock) {
        // a retry claim held longer than a side-effect claim belongs to a hub that died mid-retry
        return new DeadLetterService(store, sideEffects, dispatch, redelivery,
                unknownOutcomeRetries.orderedStream().toList(), clock, policy.lease());
    }

    /** Named for the {@code dead-letter-recorder} route. */
    @Bean
    BrokerDeadLetterListener brokerDeadLetterListener(DeadLetterAdministration deadLetters) {
        return new BrokerDeadLetterListener(deadLetters, BrokerConfiguration.MAX_DELIVERY_ATTEMPTS);
    }
}
