package io.financehub.ledger;

import io.financehub.support.HubClient;
import io.financehub.support.HledgerIntegrationBase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The crash window of a ledger without idempotency: hledger-web added the transaction, but the hub never learnt
 * it. The next attempt must find the transaction by its tcode and record it, adding nothing.
 */
class HledgerCrashWindowIT extends HledgerIntegrationBase {

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
    void aPutTheHubGaveUpOnThatLandsLaterIsWaitedOutAndNotPostedAgain() {
        String id = "CW-SLOW-" + UUID.randomUUID().toString().substring(0, 8);
        String key = id + ":post-invoice";
        long markersBefore = proxy().putsWithCodePrefix("hub-sync:");
        // longer than the hub's timeout (2 s) plus its first back-off (2 s): hledger-web writes the transaction
        // after the hub gave up on it and while a retry is due, but within the lookup delay (10 s)
        proxy().delayPut(key, Duration.ofSeconds(6));

        assertThat(hub().postInvoice(HubClient.invoiceJson(id, "USD", 4200, null)).statusCode()).isEqualTo(202);

        awaitSucceeded(key);
        await().atMost(Duration.ofSeconds(30)).until(() -> proxy().delayedPutLanded(key));
        assertThat(ledgerTransactions(key)).as("transactions with tcode " + key).hasSize(1);
        assertThat(proxy().putsOf(key)).as("PUT /add requests for the key").isEqualTo(1);
        assertThat(proxy().putsWithCodePrefix("hub-sync:") - markersBefore).as("read markers written")
                .isLessThanOrEqualTo(1);
        Map<String, Object> post = jdbc.queryForMap("SELECT status, retries, response, unanswered_post_at FROM "
                + "accounting_posts WHERE idempotency_key = ?", key);
        assertThat(post.get("status")).isEqualTo("succeeded");
        assertThat(post.get("retries")).isEqualTo(1);
        assertThat((String) post.get("response")).contains("found existing transaction");
        assertThat(post.get("unanswered_post_at")).as("a post still in flight").isNull();
    }

    @Test
    void aTakeoverWaitsForAPutInFlightByTheTimeStoredInTheDatabase() {
        String id = "CW-DIED-" + UUID.randomUUID().toString().substring(0, 8);
        String key = id + ":post-invoice";
        proxy().delayPut(key, Duration.ofSeconds(6));
        assertThat(hub().postInvoice(HubClient.invoiceJson(id, "KWD", 4200, null)).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "retrying".equals(sideEffectStatus(key)));

        // now the state of a worker that died with its PUT in flight: the claim long expired, nothing in memory
        // anywhere, only the audit row's mark of when the PUT left; the outbox relay hands it to a worker at once
        jdbc.update("UPDATE idempotency_keys SET status = 'in_progress', claimed_at = ?, dispatched_at = NULL "
                + "WHERE idempotency_key = ?", Instant.now().minus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC), key);

        awaitSucceeded(key);
        await().atMost(Duration.ofSeconds(30)).until(() -> proxy().delayedPutLanded(key));
        assertThat(ledgerTransactions(key)).as("transactions with tcode " + key).hasSize(1);
        assertThat(proxy().putsOf(key)).as("PUT /add requests for the key").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT response FROM accounting_posts WHERE idempotency_key = ?",
                String.class, key)).contains("found existing transaction");
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
