package io.financehub.webhook.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.platform.web.HttpAnswer;
import io.financehub.platform.web.HttpAnswers;
import io.financehub.webhook.application.WebhookEnvelope;
import io.financehub.webhook.application.WebhookEventStore;
import io.financehub.webhook.application.WebhookIngestionService;
import io.financehub.webhook.application.WebhookQueue;
import io.financehub.webhook.application.WebhookSource;
import io.financehub.webhook.application.WebhookVerifier;
import io.financehub.webhook.domain.WebhookProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The intake's answers when the database is out of reach, and its bound on deliveries stored at once. */
class WebhookIntakeTest {

    final WebhookSource stripe = mock(WebhookSource.class);
    final WebhookEventStore store = mock(WebhookEventStore.class);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ObjectMapper json = new ObjectMapper();

    WebhookIntakeTest() {
        when(stripe.provider()).thenReturn(WebhookProvider.STRIPE);
        when(stripe.verify(any())).thenReturn(WebhookVerifier.Verification.AUTHENTIC);
        when(stripe.envelope(any())).thenReturn(new WebhookEnvelope("evt_1", "customer.created", null, null));
    }

    WebhookIntake intake(int maxConcurrent) {
        WebhookIngestionService ingestion = new WebhookIngestionService(List.of(stripe), store,
                mock(WebhookQueue.class), Clock.systemUTC());
        return new WebhookIntake(ingestion, new HttpAnswers(json), new WebhookMetrics(registry), 1024, maxConcurrent);
    }

    static MockHttpServletRequest delivery() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/stripe");
        request.setContent("{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8));
        request.addHeader("Stripe-Signature", "t=1,v1=00");
        return request;
    }

    double counted(String outcome) {
        return registry.get(WebhookMetrics.RECEIVED).tag("provider", "stripe").tag("outcome", outcome).counter()
                .count();
    }

    @Test
    void aDatabaseOutOfReachIsA503WithRetryAfterInTheHubsError() throws Exception {
        when(store.insertIfAbsent(any())).thenThrow(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));

        HttpAnswer answer = intake(4).stripe(delivery());

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.headers()).containsEntry("Retry-After", "5").containsEntry("Cache-Control", "no-store");
        assertThat(json.readTree(answer.body()).get("error").asText()).isEqualTo("database_unavailable");
        assertThat(counted(WebhookMetrics.Outcome.UNAVAILABLE)).isEqualTo(1);
    }

    @Test
    void anyOtherFailureStillPropagatesToTheRoute() {
        when(store.insertIfAbsent(any())).thenThrow(new IllegalStateException("a bug"));

        assertThatThrownBy(() -> intake(4).stripe(delivery())).isInstanceOf(IllegalStateException.class);
        assertThat(counted(WebhookMetrics.Outcome.ERROR)).isEqualTo(1);
    }

    @Test
    void aDeliveryBeyondTheConcurrencyBoundIsBusyAtOnceAndTheNextOneIsStored() throws Exception {
        CountDownLatch storing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        when(store.insertIfAbsent(any())).thenAnswer(invocation -> {
            storing.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            return true;
        });
        WebhookIntake intake = intake(1);
        CompletableFuture<HttpAnswer> slow = CompletableFuture.supplyAsync(() -> intake.stripe(delivery()));
        assertThat(storing.await(10, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        HttpAnswer busy = intake.stripe(delivery());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.headers()).containsKey("Retry-After");
        assertThat(json.readTree(busy.body()).get("error").asText()).isEqualTo("busy");

        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        doReturn(true).when(store).insertIfAbsent(any());
        await().atMost(Duration.ofSeconds(5)).until(() -> intake.stripe(delivery()).status() == 200);
    }
}
