package io.financehub.platform.broker;

import io.financehub.sideeffect.domain.SideEffectChannel;

/** The hub's queue names; the YAML routes consume the same names. */
public final class QueueNames {

    public static final String INVOICE_COMMANDS = "hub.invoice.commands";
    public static final String INVOICE_COMMANDS_REJECTED = "hub.invoice.commands.rejected";
    public static final String DEAD_LETTERS = "hub.dead-letters";

    private QueueNames() {
    }

    public static String sideEffects(SideEffectChannel channel) {
        return "hub.side-effects." + channel.name().toLowerCase();
    }
}
