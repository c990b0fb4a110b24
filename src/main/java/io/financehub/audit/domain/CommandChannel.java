package io.financehub.audit.domain;

/** Where a command came from; kept in the inbound audit. */
public enum CommandChannel {
    HTTP, JMS
}
