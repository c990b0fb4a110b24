package io.financehub.sideeffect.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Key = invoice id + action (+ event id for per-event actions): {@code INV-1:post-invoice},
 * {@code INV-1:post-refund:evt_1}. A flow's call ({@link SideEffectAction#FLOW_CALL}) keeps the flow's own text
 * after the invoice id instead of a built-in action: {@code INV-1:crm-payment-sync}; that text never starts with a
 * built-in action's key part, so a flow can never take over a key the hub itself uses.
 *
 * @param flowStep the flow's text after the invoice id; null unless the action is {@code FLOW_CALL}
 */
public record IdempotencyKey(String invoiceId, SideEffectAction action, String eventId, String flowStep) {

    /** A kebab-case name, then optional {@code :}-separated parts such as an event id. */
    private static final Pattern FLOW_STEP = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(:[A-Za-z0-9._~-]+)*");
    private static final int MAX_FLOW_STEP = 200;

    public IdempotencyKey {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(action, "action");
        if (invoiceId.isEmpty() || invoiceId.contains(":")) {
            throw new IllegalArgumentException("not an invoice id: '" + invoiceId + "'");
        }
        if (action == SideEffectAction.FLOW_CALL) {
            checkFlowStep(flowStep);
            if (eventId != null) {
                throw new IllegalArgumentException("a flow call keeps its event id in its own text");
            }
        } else {
            if (flowStep != null) {
                throw new IllegalArgumentException(action.keyPart() + " is not a flow call");
            }
            if (action.perEvent() == (eventId == null)) {
                throw new IllegalArgumentException(action.keyPart() + (action.perEvent()
                        ? " needs an event id" : " takes no event id"));
            }
        }
    }

    public static IdempotencyKey of(String invoiceId, SideEffectAction action) {
        return new IdempotencyKey(invoiceId, action, null, null);
    }

    public static IdempotencyKey of(String invoiceId, SideEffectAction action, String eventId) {
        return new IdempotencyKey(invoiceId, action, eventId, null);
    }

    /** A flow's call under its own text, e.g. {@code flowCall("INV-1", "crm-payment-sync")}. */
    public static IdempotencyKey flowCall(String invoiceId, String flowStep) {
        return new IdempotencyKey(invoiceId, SideEffectAction.FLOW_CALL, null, flowStep);
    }

    /**
     * Parses {@code INV-1:post-refund:evt_1}; invoice ids never contain ':'. Text whose first part after the invoice
     * id is no built-in action is a flow's call ({@code INV-1:crm-payment-sync}).
     */
    public static IdempotencyKey parse(String value) {
        String[] parts = value.split(":", 2);
        if (parts.length < 2) {
            throw new IllegalArgumentException("not an idempotency key: " + value);
        }
        String[] action = parts[1].split(":", 2);
        return SideEffectAction.builtIn(action[0])
                .map(a -> new IdempotencyKey(parts[0], a, action.length == 2 ? action[1] : null, null))
                .orElseGet(() -> flowCall(parts[0], parts[1]));
    }

    /** The action part as the key spells it: the built-in action's key part, or the flow's name. */
    public String actionName() {
        return action == SideEffectAction.FLOW_CALL ? flowStep.split(":", 2)[0] : action.keyPart();
    }

    public String value() {
        if (action == SideEffectAction.FLOW_CALL) {
            return invoiceId + ":" + flowStep;
        }
        return invoiceId + ":" + action.keyPart() + (eventId == null ? "" : ":" + eventId);
    }

    @Override
    public String toString() {
        return value();
    }

    private static void checkFlowStep(String flowStep) {
        if (flowStep == null || flowStep.length() > MAX_FLOW_STEP || !FLOW_STEP.matcher(flowStep).matches()) {
            throw new IllegalArgumentException("a flow's key is <invoice id>:<kebab-case name>[:<part>...] of at most "
                    + MAX_FLOW_STEP + " characters after the invoice id, not '" + flowStep + "'");
        }
        String name = flowStep.split(":", 2)[0];
        if (SideEffectAction.reserved(name)) {
            throw new IllegalArgumentException("'" + name + "' is the hub's own action; a flow's key needs a name of "
                    + "its own");
        }
    }
}
