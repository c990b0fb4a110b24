package io.financehub.application.port.in;

/** Where a command came from; kept in the inbound audit. */
public enum CommandChannel {
    HTTP, JMS
}
