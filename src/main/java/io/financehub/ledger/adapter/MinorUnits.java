package io.financehub.ledger.adapter;

import io.financehub.invoice.domain.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Ledger amounts (major units, as ledgers show them) back in the hub's minor units. */
final class MinorUnits {

    private MinorUnits() {
    }

    /** 125.00 USD → 12500; an amount hand-edited to more decimals than the currency has is rounded half-up. */
    static long of(BigDecimal major, String currency) {
        int exponent = Money.isIsoCurrency(currency) ? new Money(0, currency).exponent() : major.scale();
        return major.movePointRight(exponent).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
