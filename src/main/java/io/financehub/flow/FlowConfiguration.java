package io.financehub.flow;

import io.financehub.flow.adapter.CamelFlowEndpoint;
import io.financehub.flow.adapter.FlowSideEffects;
import io.financehub.flow.adapter.JdbcFlowCallLog;
import io.financehub.flow.application.FlowCallHandler;
import io.financehub.flow.application.FlowCallLog;
import io.financehub.flow.application.FlowEndpoint;
import io.financehub.flow.application.FlowSideEffectService;
import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.sideeffect.application.SideEffectDispatch;
import io.financehub.sideeffect.application.SideEffectRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * Flows: the exactly-once step YAML routes use ({@code hub-side-effect} kamelet → {@code flowSideEffects}), and the
 * side-effect handler that makes those calls from the flows queue, audited in {@code flow_calls}.
 */
@Configuration
// adapters whose only constructor takes beans Spring already has (JdbcTemplate, ProducerTemplate)
@Import({JdbcFlowCallLog.class, CamelFlowEndpoint.class})
public class FlowConfiguration {

    @Bean
    FlowSideEffectService flowSideEffectService(SideEffectRepository sideEffects, SideEffectDispatch dispatch,
                                                InvoiceRepository invoices, TransactionRunner tx, Clock clock) {
        return new FlowSideEffectService(sideEffects, dispatch, invoices, tx, clock);
    }

    /** Named for the {@code hub-side-effect} kamelet: {@code bean: {ref: flowSideEffects, method: request}}. */
    @Bean
    FlowSideEffects flowSideEffects(FlowSideEffectService service) {
        return new FlowSideEffects(service);
    }

    @Bean
    FlowCallHandler flowCallHandler(FlowEndpoint endpoint, FlowCallLog log) {
        return new FlowCallHandler(endpoint, log);
    }
}
