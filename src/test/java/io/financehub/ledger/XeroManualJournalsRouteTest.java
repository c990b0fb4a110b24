package io.financehub.ledger;

import io.financehub.support.RouteTestBase;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.util.function.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Xero routes ({@code xero-post-manual-journal}, {@code xero-read-manual-journals}): the idempotency key, bearer
 * token and tenant reach the endpoint as Xero's headers, the token does not come back to the adapter, and the
 * endpoint carries HUB_ACCOUNTING_TIMEOUT, no exception on a status and a client that never retries.
 */
@TestPropertySource(properties = {
        "camel.main.routes-include-pattern=file:routes/vendor-calls.camel.yaml,"
                + "file:routes/xero-post-manual-journal.camel.yaml,file:routes/xero-read-manual-journals.camel.yaml",
        "hub.accounting.url=http://xero.test", "hub.accounting.timeout=4s",
        "hub.accounting.xero.token=xero-token-1", "hub.accounting.xero.tenant-id=tenant-7"})
class XeroManualJournalsRouteTest extends RouteTestBase {

    @Override
    protected Map<String, ThrowingConsumer<AdviceWithRouteBuilder, Exception>> advice() {
        return Map.of("xero-post-manual-journal", a -> a.mockEndpointsAndSkip("http*"),
                "xero-read-manual-journals", a -> a.mockEndpointsAndSkip("http*"));
    }

    @Test
    void aJournalIsPostedUnderItsIdempotencyKeyWithTokenAndTenant() throws Exception {
        MockEndpoint xero = endpoint(MockEndpoint.class, "xero.test/ManualJournals");
        xero.expectedBodiesReceived("{\"Narration\":\"x\"}");
        xero.expectedHeaderReceived(Exchange.HTTP_METHOD, "POST");
        xero.expectedHeaderReceived("Idempotency-Key", "INV-7:post-payment");
        xero.expectedHeaderReceived("Authorization", "Bearer xero-token-1");
        xero.expectedHeaderReceived("Xero-tenant-id", "tenant-7");
        xero.expectedHeaderReceived("Content-Type", "application/json");

        Exchange answer = producer.send("direct:xero-post-manual-journal", e -> {
            e.setProperty("idempotencyKey", "INV-7:post-payment");
            e.getIn().setBody("{\"Narration\":\"x\"}");
        });

        xero.assertIsSatisfied(5_000);
        assertThat(answer.getMessage().getHeader("Authorization")).as("the token stays in the route").isNull();
    }

    @Test
    void aReadIsAGetWithTheQueryTheAdapterGives() throws Exception {
        MockEndpoint xero = endpoint(MockEndpoint.class, "xero.test/ManualJournals");
        xero.expectedHeaderReceived(Exchange.HTTP_METHOD, "GET");
        xero.expectedHeaderReceived(Exchange.HTTP_QUERY, "page=2");
        xero.expectedHeaderReceived("Authorization", "Bearer xero-token-1");
        xero.expectedHeaderReceived("Xero-tenant-id", "tenant-7");

        producer.sendBodyAndHeader("direct:xero-read-manual-journals", null, Exchange.HTTP_QUERY, "page=2");

        xero.assertIsSatisfied(5_000);
    }

    @Test
    void theEndpointCarriesTheTimeoutsNoThrowOnStatusAndNoRetries() {
        HttpEndpoint http = endpoint(HttpEndpoint.class, "xero.test/ManualJournals");
        assertThat(http.getConnectTimeout()).isEqualTo(4000);
        assertThat(http.getResponseTimeout()).isEqualTo(4000);
        assertThat(http.getConnectionRequestTimeout()).isEqualTo(4000);
        assertThat(http.isThrowExceptionOnFailure()).isFalse();
        assertThat(http.getEndpointUri()).contains("DefaultHttpRequestRetryStrategy%280");
    }
}
