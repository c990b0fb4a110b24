package io.financehub.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

/**
 * Base of the flow tests: the whole hub with {@code HUB_CRM_URL} pointing at a WireMock CRM (so the
 * {@code crm-payment-sync} example flow is on), a short CRM answer timeout, the test-only mark-unknown flow of
 * {@code flow-test-routes/}, and a JMS client that publishes events to {@code hub.events} as the hub's event stream
 * does. Tests use invoice ids of their own and look at the CRM's requests per idempotency key.
 */
public abstract class FlowIntegrationBase extends HubIntegrationBase {

    public static final String CRM_PATH = "/crm/payments";
    public static final String EVENTS = "hub.events";
    public static final String BROKER_USER = "hub-client";
    public static final String BROKER_PASSWORD = "test-broker-password";
    public static final Duration CRM_RESPONSE_TIMEOUT = Duration.ofMillis(3000);

    /** The CRM's stand-in, started once per test JVM; by default it answers 200. */
    protected static final WireMockServer CRM = startCrm();

    @Autowired
    protected JdbcTemplate jdbc;

    @Value("${hub.broker.embedded-port}")
    protected int brokerPort;

    @DynamicPropertySource
    static void crm(DynamicPropertyRegistry registry) {
        registry.add("hub.crm.url", () -> CRM.baseUrl() + CRM_PATH);
        registry.add("hub.crm.connect-timeout", () -> "1000");
        registry.add("hub.crm.response-timeout", () -> Long.toString(CRM_RESPONSE_TIMEOUT.toMillis()));
        registry.add("hub.broker.user", () -> BROKER_USER);
        registry.add("hub.broker.password", () -> BROKER_PASSWORD);
        registry.add("camel.main.routes-include-pattern",
                () -> "file:routes/*.yaml,classpath:flow-test-routes/*.camel.yaml");
    }

    protected JmsTestClient jms() {
        return new JmsTestClient("tcp://127.0.0.1:" + brokerPort, BROKER_USER, BROKER_PASSWORD);
    }

    protected static String newInvoiceId() {
        return "INV-FLOW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Issues an invoice through the API, so that flow keys under it are accepted. */
    protected void issue(String invoiceId) {
        int status = hub().postInvoice(HubClient.invoiceJson(invoiceId, "USD", 12500, null)).statusCode();
        if (status != 202) {
            throw new IllegalStateException("invoice " + invoiceId + " not issued: " + status);
        }
    }

    /** Publishes {@code payment.succeeded} as the event stream does: JSON body, eventType and invoiceId properties. */
    protected static void publishPaymentSucceeded(JmsTestClient jms, String invoiceId, String eventId) {
        String event = "{\"eventId\":\"" + eventId + "\",\"eventType\":\"payment.succeeded\",\"invoiceId\":\""
                + invoiceId + "\",\"occurredAt\":\"2026-03-01T12:00:00Z\",\"data\":{\"amountMinor\":12500,"
                + "\"currency\":\"USD\"}}";
        jms.publish(EVENTS, event, Map.of("eventType", "payment.succeeded", "invoiceId", invoiceId,
                "eventId", eventId));
    }

    /** Every CRM request the stub received under this idempotency key. */
    protected static List<LoggedRequest> crmRequests(String idempotencyKey) {
        return CRM.findAll(postRequestedFor(urlEqualTo(CRM_PATH))
                .withHeader("Idempotency-Key", equalTo(idempotencyKey)));
    }

    protected String sideEffectStatus(String idempotencyKey) {
        return jdbc.query("SELECT status FROM idempotency_keys WHERE idempotency_key = ?",
                (rs, i) -> rs.getString(1), idempotencyKey).stream().findFirst().orElse(null);
    }

    protected void awaitStatus(String idempotencyKey, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(sideEffectStatus(idempotencyKey)));
    }

    protected List<Map<String, Object>> flowCalls(String idempotencyKey) {
        return jdbc.queryForList("SELECT * FROM flow_calls WHERE idempotency_key = ? ORDER BY attempt",
                idempotencyKey);
    }

    private static WireMockServer startCrm() {
        WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(32).jettyAcceptors(2)
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(8));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        server.stubFor(post(urlEqualTo(CRM_PATH)).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"synced\":true}")));
        WireMockWarmUp.warmUp(server);
        return server;
    }
}
