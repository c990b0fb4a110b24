package io.financehub.sideeffect;

import io.financehub.sideeffect.application.DeadLetterStore;
import io.financehub.support.BrokerOutage;
import io.financehub.support.BrokerQueues;
import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code POST /admin/dead-letters/{id}/retry} over real HTTP: nothing lost when the broker is down, nothing sent twice. */
@Import(BrokerOutage.class)
class DeadLetterRetryIT extends HubIntegrationBase {

    static final String COMMANDS = "hub.invoice.commands";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeadLetterStore deadLetters;
    @Autowired
    EmbeddedActiveMQ broker;

    @AfterEach
    void brokerBack() {
        BrokerOutage.end();
    }

    @Test
    void aCommandRetriedDuringABrokerOutageStaysRetryableAndIsSentOnceTheBrokerIsBack() {
        String invoiceId = invoiceId();
        long id = deadCommand(invoiceId);
        BrokerOutage.begin();

        HttpResponse<String> refused = retry(id);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        assertThat(refused.body()).contains("\"error\":\"broker_unavailable\"", "stays open")
                .doesNotContain("Exception", "\tat ");
        assertThat(status(id)).isEqualTo("open");

        BrokerOutage.end();
        HttpResponse<String> retried = retry(id);

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(retried.body()).contains("\"status\":\"retried\"");
        assertThat(status(id)).isEqualTo("retried");
        await().atMost(Duration.ofSeconds(20)).until(() -> commandsFor(invoiceId) == 1);
        assertThat(retry(id).body()).contains("\"status\":\"already-retried\"");
    }

    @Test
    void concurrentRetriesOfOneDeadLetterSendItOnce() throws Exception {
        String invoiceId = invoiceId();
        long id = deadCommand(invoiceId);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> clicks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clicks.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return retry(id);
            }));
        }
        start.countDown();

        List<String> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> click : clicks) {
            HttpResponse<String> response = click.get();
            answers.add(response.statusCode() + " " + response.body());
        }
        assertThat(answers).filteredOn(a -> a.contains("\"status\":\"retried\"")).hasSize(1);
        assertThat(answers).allSatisfy(a -> assertThat(a).matches("(200 .*\"(already-)?retried\".*|409 .*"
                + "\"error\":\"retry_in_progress\".*)"));
        await().atMost(Duration.ofSeconds(20)).until(() -> commandsFor(invoiceId) == 1);
        // every answer is in, so every redelivery a retry made is on the queue: once it holds nothing, all were
        // processed, and the one command recorded is all there is
        BrokerQueues.awaitEmpty(broker, COMMANDS);
        assertThat(commandsFor(invoiceId)).isEqualTo(1);
    }

    long deadCommand(String invoiceId) {
        return deadLetters.record(new DeadLetterStore.NewDeadLetter(COMMANDS, "injected: processing kept failing",
                "ID:" + UUID.randomUUID(), null, HubClient.invoiceJson(invoiceId, "USD", 4200, null),
                Map.of("command", "IssueInvoice"), 6, Instant.now()));
    }

    HttpResponse<String> retry(long id) {
        return hub().postAdmin("/admin/dead-letters/" + id + "/retry");
    }

    String status(long id) {
        return jdbc.queryForObject("SELECT status FROM dead_letters WHERE id = ?", String.class, id);
    }

    int commandsFor(String invoiceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbound_commands WHERE invoice_id = ?", Integer.class,
                invoiceId);
    }

    static String invoiceId() {
        return "INV-DL-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
