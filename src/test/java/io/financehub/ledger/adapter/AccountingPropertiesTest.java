package io.financehub.ledger.adapter;

import io.financehub.ledger.domain.JournalEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountingPropertiesTest {

    @Test
    void defaultsToTheSandboxAndOneConnectionToHledger() {
        AccountingProperties p = new AccountingProperties(null, "http://ledger:5000/", null, null, null, null);

        assertThat(p.kind()).isEqualTo("sandbox");
        assertThat(p.url()).isEqualTo("http://ledger:5000");
        assertThat(p.connectionsFor("hledger")).isEqualTo(1);
        assertThat(p.connectionsFor("xero")).isEqualTo(4);
        assertThat(new AccountingProperties("hledger", null, null, 3, null, null).connectionsFor("hledger")).isEqualTo(3);
    }

    @Test
    void anAttemptIsEveryCallOfALookupAndThePostEachWaitingForConnectionConnectAndResponse() {
        AccountingProperties p = new AccountingProperties("hledger", null, null, null, null, null);

        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(5));
        // hledger: a read, a marker write and a second read, then the post = 4 calls; Xero: lookup + post
        assertThat(p.longestAttempt("hledger")).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.longestAttempt("xero")).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.longestAttempt("hledger")).isLessThan(Duration.ofMinutes(2));
        // a retry's lookup waits 30 s after a post that got no answer: longer than the 15 s the hub waits for one
        assertThat(p.lookupDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.lookupDelay()).isGreaterThan(p.longestCall());
    }

    @Test
    void aPoolOfNoConnectionsIsAStartupError() {
        assertThatThrownBy(() -> new AccountingProperties("hledger", null, null, 0, null, null))
                .hasMessageContaining("HUB_ACCOUNTING_MAX_CONNECTIONS must be at least 1");
    }

    @Test
    void aMissingUrlIsAStartupError() {
        assertThatThrownBy(() -> new AccountingProperties("hledger", " ", null, null, null, null).requireUrl())
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
