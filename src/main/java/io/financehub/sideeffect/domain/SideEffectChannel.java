package io.financehub.sideeffect.domain;

/** The vendor family a side effect goes to; each has its own durable queue so one slow vendor blocks no other. */
public enum SideEffectChannel {
    PAYMENTS, ACCOUNTING, SMS, FLOWS
}
