package io.financehub.flow.application;

import io.financehub.flow.domain.FlowCall;
import io.financehub.sideeffect.application.SideEffectHandler;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectStatus;

import java.util.Set;

/**
 * Runs the calls YAML flows request through the {@code hub-side-effect} kamelet, in the executor every built-in side
 * effect uses. What to send is the side effect's own stored parameters; whether an unknown outcome is retried is the
 * policy the flow declared with it.
 */
public class FlowCallHandler implements SideEffectHandler<FlowCall> {

    private final FlowEndpoint endpoint;
    private final FlowCallLog log;

    public FlowCallHandler(FlowEndpoint endpoint, FlowCallLog log) {
        this.endpoint = endpoint;
        this.log = log;
    }

    @Override
    public String vendor() {
        return "flow";
    }

    @Override
    public Set<SideEffectAction> actions() {
        return Set.of(SideEffectAction.FLOW_CALL);
    }

    @Override
    public FlowCall subject(SideEffect effect) {
        return FlowCall.fromParameters(effect.parameters());
    }

    @Override
    public void onClaim(SideEffect effect, FlowCall call) {
        log.started(effect.invoiceId(), effect.key().value(), effect.attempts(), call);
    }

    @Override
    public VendorOutcome perform(SideEffect effect, FlowCall call) {
        return endpoint.call(effect.key().value(), call);
    }

    @Override
    public boolean retriesUnknownOutcome(SideEffect effect) {
        return subject(effect).retriesUnknownOutcome();
    }

    @Override
    public void onOutcome(SideEffect effect, FlowCall call, VendorOutcome outcome, SideEffectStatus status) {
        log.finished(effect.key().value(), effect.attempts(), outcome, status);
    }
}
