package io.financehub.audit.application;

import io.financehub.audit.domain.CommandChannel;

/** Append-only record of what reached the hub, whatever became of it. Never stores secrets. */
public interface AuditLog {

    /**
     * Records one inbound command.
     *
     * @param outcome {@code accepted}, {@code replayed}, {@code conflict} or {@code rejected}
     */
    void recordInboundCommand(CommandChannel channel, String command, String invoiceId, String contentHash,
                              String outcome, String detail);
}
