package io.financehub.invoice.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void majorUnitsUseTheCurrencysOwnExponent() {
        assertThat(new Money(12500, "USD").toMajor().toPlainString()).isEqualTo("125.00");
        assertThat(new Money(12500, "JPY").toMajor().toPlainString()).isEqualTo("12500");
        assertThat(new Money(12500, "KWD").toMajor().toPlainString()).isEqualTo("12.500");
        assertThat(new Money(5, "USD").display()).isEqualTo("USD 0.05");
    }

    @Test
    void onlyIsoCodesAreCurrencies() {
        assertThat(Money.isIsoCurrency("EUR")).isTrue();
        assertThat(Money.isIsoCurrency("eur")).isFalse();
        assertThat(Money.isIsoCurrency("XXQ")).isFalse();
        assertThat(Money.isIsoCurrency(null)).isFalse();
        assertThatThrownBy(() -> new Money(1, "ABC")).isInstanceOf(IllegalArgumentException.class);
    }
}
