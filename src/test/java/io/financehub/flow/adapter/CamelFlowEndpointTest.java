package io.financehub.flow.adapter;

import io.financehub.flow.domain.FlowCall;
import io.financehub.flow.domain.UnknownOutcomePolicy;
import io.financehub.sideeffect.application.VendorOutcome;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flow endpoint adapter against real Camel routes standing in for endpoints: what it sends, and how each answer or
 * failure is classified (succeeded, rejected, retryable, unknown).
 */
class CamelFlowEndpointTest {

    private static CamelContext camel;
    private static CamelFlowEndpoint endpoint;
    private static final Map<String, Object> received = new ConcurrentHashMap<>();
    private static volatile Throwable failure;
    private static volatile int status;

    @BeforeAll
    static void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:answer").process(e -> {
                    received.clear();
                    received.putAll(e.getMessage().getHeaders());
                    received.put("body", e.getMessage().getBody(String.class));
                    e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
                    e.getMessage().setHeader("Retry-After", "7");
                    e.getMessage().setBody("{\"id\":\"crm-1\"}");
                }).to("log:crm-stand-in?level=OFF");
                from("direct:fail").process(e -> {
                    throw (Exception) failure;
                });
            }
        });
        camel.start();
        endpoint = new CamelFlowEndpoint(camel.createProducerTemplate());
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    @Test
    void sendsTheStoredBodyContentTypeAndIdempotencyHeaderAndNothingElse() {
        status = 201;

        VendorOutcome outcome = endpoint.call("INV-1:crm-payment-sync", call("direct:answer", "Idempotency-Key"));

        assertThat(outcome).isInstanceOf(VendorOutcome.Succeeded.class);
        assertThat(received).containsEntry("body", "{\"eventId\":\"e1\"}")
                .containsEntry("Content-Type", "application/json")
                .containsEntry("Idempotency-Key", "INV-1:crm-payment-sync").hasSize(3);
        assertThat(outcome.exchange().httpStatus()).isEqualTo(201);
        assertThat(outcome.exchange().response()).isEqualTo("{\"id\":\"crm-1\"}");
        assertThat(outcome.exchange().request()).startsWith("direct:answer -> log://crm-stand-in?level=OFF\n")
                .contains("Idempotency-Key: INV-1:crm-payment-sync", "{\"eventId\":\"e1\"}");
    }

    @Test
    void withoutADeclaredHeaderTheKeyIsNotSent() {
        status = 200;

        endpoint.call("INV-1:crm-payment-sync", call("direct:answer", null));

        assertThat(received).doesNotContainKey("Idempotency-Key").containsKey("Content-Type");
    }

    @ParameterizedTest
    @CsvSource({"400, rejected", "404, rejected", "422, rejected", "408, retryable", "409, retryable",
            "425, retryable", "429, retryable", "500, retryable", "503, retryable"})
    void anHttpRefusalIsFinalOrForNowByItsStatus(int code, String expected) {
        failure = new HttpOperationFailedException("http://crm.test/payments?token=abc", code, "status", null,
                Map.of("Retry-After", "3"), "{\"error\":\"x\"}");

        VendorOutcome outcome = endpoint.call("INV-1:crm-payment-sync", call("direct:fail", "Idempotency-Key"));

        assertThat(kind(outcome)).isEqualTo(expected);
        assertThat(outcome.exchange().httpStatus()).isEqualTo(code);
        assertThat(outcome.exchange().response()).isEqualTo("{\"error\":\"x\"}");
        if (expected.equals("retryable")) {
            assertThat(outcome.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        } else {
            assertThat(outcome.rejectionCode()).isEqualTo("http-" + code);
        }
    }

    @Test
    void anAnsweredNon2xxStatusIsClassifiedLikeAFailure() {
        status = 503;

        VendorOutcome outcome = endpoint.call("INV-1:crm-payment-sync", call("direct:answer", null));

        assertThat(outcome).isInstanceOf(VendorOutcome.Retryable.class);
        assertThat(outcome.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aRequestThatNeverLeftIsRetryable() {
        for (Throwable notSent : new Throwable[] {new ConnectException("Connection refused"),
                new UnknownHostException("crm.invalid"), new ConnectTimeoutException("connect timed out")}) {
            failure = new RuntimeException("wrapped", notSent);

            assertThat(kind(endpoint.call("INV-1:k", call("direct:fail", null)))).as(notSent.toString())
                    .isEqualTo("retryable");
        }
    }

    @Test
    void aFailureAfterTheRequestLeftIsUnknown() {
        failure = new SocketTimeoutException("Read timed out");
        VendorOutcome timeout = endpoint.call("INV-1:k", call("direct:fail", null));
        failure = new IllegalStateException("connection reset");
        VendorOutcome other = endpoint.call("INV-1:k", call("direct:fail", null));

        assertThat(kind(timeout)).isEqualTo("unknown");
        assertThat(timeout.summary()).contains("no answer in time");
        assertThat(kind(other)).isEqualTo("unknown");
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertThat(FlowCallOutcomes.retryAfter(Map.of("retry-after", "12"))).isEqualTo(Duration.ofSeconds(12));
        assertThat(FlowCallOutcomes.retryAfter(Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")))
                .isEqualTo(Duration.ZERO);
        assertThat(FlowCallOutcomes.retryAfter(Map.of("Retry-After", "soon"))).isNull();
        assertThat(FlowCallOutcomes.retryAfter(Map.of())).isNull();
    }

    private static FlowCall call(String uri, String header) {
        return new FlowCall(uri, "{\"eventId\":\"e1\"}", "application/json", UnknownOutcomePolicy.RETRY_SAME_KEY,
                header);
    }

    private static String kind(VendorOutcome outcome) {
        return outcome.getClass().getSimpleName().toLowerCase();
    }
}
