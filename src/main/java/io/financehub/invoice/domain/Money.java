package io.financehub.invoice.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount in the currency's minor unit (cents for USD, yen for JPY). */
public record Money(long amountMinor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        currencyOf(currency);
    }

    /** The amount in major units, with exactly the currency's own number of decimals (USD 12500 -> 125.00). */
    public BigDecimal toMajor() {
        return BigDecimal.valueOf(amountMinor, exponent());
    }

    public int exponent() {
        return Math.max(0, currencyOf(currency).getDefaultFractionDigits());
    }

    /** "USD 125.00" — used in SMS texts and journal descriptions. */
    public String display() {
        return currency + " " + toMajor().toPlainString();
    }

    public static boolean isIsoCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Currency currencyOf(String code) {
        if (!isIsoCurrency(code)) {
            throw new IllegalArgumentException("not an ISO 4217 currency code: " + code);
        }
        return Currency.getInstance(code);
    }
}
