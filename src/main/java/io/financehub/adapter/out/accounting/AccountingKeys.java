package io.financehub.adapter.out.accounting;

import io.financehub.domain.model.IdempotencyKey;
import io.financehub.domain.model.SideEffectChannel;

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
