package io.financehub.accounting;

import io.financehub.support.HubClient;
import io.financehub.support.HledgerIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash window of a ledger without idempotency: hledger-web added the transaction, but the hub never learnt
 * it. The next attempt must find the transaction by its tcode and record it, adding nothing.
 */
class HledgerCrashWindowIT extends HledgerIntegrationTest {

    @Test
    void aLostAnswerToTheAddIsFoundByTheRetryAndNothingIsAddedTwice() {
        String id = "CW-LOST-" + UUID.randomUUID().toString().substring(0, 8);
        String key = id + ":post-invoice";
        proxy().loseResponseOfPut(key);

        assertThat(hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, null)).statusCode()).isEqualTo(202);

        awaitSucceeded(key);
        assertThat(ledgerTransactions(key)).hasSize(1);
        assertThat(proxy().putsOf(key)).as("PUT /add requests for the key").isEqualTo(1);
        Map<String, Object> effect = jdbc.queryForMap("SELECT attempts, result_ref FROM idempotency_keys "
                + "WHERE idempotency_key = ?", key);
        assertThat(effect.get("attempts")).isEqualTo(2);
        Map<String, Object> post = jdbc.queryForMap("SELECT status, retries, journal_ref, response FROM "
                + "accounting_posts WHERE idempotency_key = ?", key);
        assertThat(post.get("status")).isEqualTo("succeeded");
        assertThat(post.get("retries")).isEqualTo(1);
        assertThat(post.get("journal_ref")).isEqualTo(LocalDate.now(ZoneOffset.UTC) + " (" + key + ")");
        assertThat((String) post.get("response")).contains("found existing transaction");
    }

    @Test
    void aWorkerThatDiedAfterTheAddIsTakenOverAndTheTakeoverAddsNothing() {
        String id = "CW-TAKE-" + UUID.randomUUID().toString().substring(0, 8);
        String key = id + ":post-invoice";
        assertThat(hub().postInvoice(HubClient.invoiceJson(id, "JPY", 12500, null)).statusCode()).isEqualTo(202);
        awaitSucceeded(key);
        assertThat(ledgerTransactions(key)).hasSize(1);

        // the state a crash right after the PUT leaves behind: the claim held, nothing recorded
        Instant longAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        jdbc.update("UPDATE idempotency_keys SET status = 'in_progress', claimed_at = ?, completed_at = NULL, "
                + "dispatched_at = NULL, result_ref = NULL WHERE idempotency_key = ?",
                longAgo.atOffset(ZoneOffset.UTC), key);
        jdbc.update("UPDATE accounting_posts SET status = 'in_progress', journal_ref = NULL, response = NULL "
                + "WHERE idempotency_key = ?", key);

        // the outbox relay finds the abandoned claim and a worker takes it over
        awaitSucceeded(key);
        assertThat(ledgerTransactions(key)).hasSize(1);
        assertThat(proxy().putsOf(key)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT attempts FROM idempotency_keys WHERE idempotency_key = ?",
                Integer.class, key)).isEqualTo(2);
        Map<String, Object> post = jdbc.queryForMap("SELECT status, journal_ref, response FROM accounting_posts "
                + "WHERE idempotency_key = ?", key);
        assertThat(post.get("status")).isEqualTo("succeeded");
        assertThat(post.get("journal_ref")).isEqualTo(LocalDate.now(ZoneOffset.UTC) + " (" + key + ")");
        assertThat((String) post.get("response")).contains("found existing transaction");
    }
}
