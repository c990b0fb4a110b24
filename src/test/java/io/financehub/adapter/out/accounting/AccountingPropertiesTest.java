package io.financehub.adapter.out.accounting;

import io.financehub.domain.model.JournalEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountingPropertiesTest {

    @Test
    void defaultsToTheSandboxAndOneConnectionToHledger() {
        AccountingProperties p = new AccountingProperties(null, "http://ledger:5000/", null, null, null);

        assertThat(p.kind()).isEqualTo("sandbox");
        assertThat(p.url()).isEqualTo("http://ledger:5000");
        assertThat(p.connectionsFor("hledger")).isEqualTo(1);
        assertThat(p.connectionsFor("xero")).isEqualTo(4);
        assertThat(new AccountingProperties("hledger", null, null, 3, null).connectionsFor("hledger")).isEqualTo(3);
    }

    @Test
    void anAttemptIsEveryCallOfALookupAndThePostEachWaitingForConnectionConnectAndResponse() {
        AccountingProperties p = new AccountingProperties("hledger", null, null, null, null);

        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(5));
        // hledger: 3 marker-and-read rounds + the post = 7 calls; Xero: lookup + post
        assertThat(p.longestAttempt("hledger")).isEqualTo(Duration.ofSeconds(105));
        assertThat(p.longestAttempt("xero")).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.longestAttempt("hledger")).isLessThan(Duration.ofMinutes(2));
    }

    @Test
    void aMissingUrlIsAStartupError() {
        assertThatThrownBy(() -> new AccountingProperties("hledger", " ", null, null, null).requireUrl())
                .hasMessageContaining("HUB_ACCOUNTING_URL");
    }

    @Test
    void xeroAccountCodesMapTheHubsAccounts() {
        AccountingProperties.AccountCodes codes = new AccountingProperties.AccountCodes(null, "4000", null);

        assertThat(codes.codeFor(JournalEntry.RECEIVABLE)).isEqualTo("610");
        assertThat(codes.codeFor(JournalEntry.SALES)).isEqualTo("4000");
        assertThat(codes.codeFor(JournalEntry.STRIPE)).isEqualTo("090");
        assertThatThrownBy(() -> codes.codeFor("expenses:misc")).isInstanceOf(IllegalArgumentException.class);
    }
}
