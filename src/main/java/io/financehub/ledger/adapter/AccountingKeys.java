package io.financehub.ledger.adapter;

import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.sideeffect.domain.SideEffectChannel;

/** Tells the hub's own ledger entries (their reference is a hub accounting key) from entries people made. */
final class AccountingKeys {

    private AccountingKeys() {
    }

    static boolean isAccountingKey(String reference) {
        if (reference == null || reference.isEmpty()) {
            return false;
        }
        try {
            return IdempotencyKey.parse(reference).action().channel() == SideEffectChannel.ACCOUNTING;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
