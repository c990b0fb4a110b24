package io.financehub.ledger;

import io.financehub.support.RouteTestBase;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.util.function.ThrowingConsumer;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hledger-web routes ({@code hledger-read-transactions}, {@code hledger-add-transaction}): method, path and
 * headers reach the camel-http endpoint, whose URI carries HUB_ACCOUNTING_TIMEOUT as every timeout, the pool size,
 * no exception on a status and a client that never retries.
 */
@TestPropertySource(properties = {
        "camel.main.routes-include-pattern=file:routes/vendor-calls.camel.yaml,file:routes/hledger-read-transactions.camel.yaml,"
                + "file:routes/hledger-add-transaction.camel.yaml",
        "hub.accounting.url=http://hledger.test:5000", "hub.accounting.timeout=3s"})
class HledgerWebRouteTest extends RouteTestBase {

    @Override
    protected Map<String, ThrowingConsumer<AdviceWithRouteBuilder, Exception>> advice() {
        return Map.of("hledger-read-transactions", a -> a.mockEndpointsAndSkip("http*"),
                "hledger-add-transaction", a -> a.mockEndpointsAndSkip("http*"));
    }

    @Test
    void addIsAPutOfTheTransactionJsonToAdd() throws Exception {
        MockEndpoint hledger = endpoint(MockEndpoint.class, "hledger.test:5000/add");
        hledger.expectedBodiesReceived("{\"tcode\":\"INV-1:post-invoice\"}");
        hledger.expectedHeaderReceived(Exchange.HTTP_METHOD, "PUT");
        hledger.expectedHeaderReceived("Content-Type", "application/json");
        hledger.expectedHeaderReceived("Accept", "application/json");

        producer.sendBody("direct:hledger-add-transaction", "{\"tcode\":\"INV-1:post-invoice\"}");

        hledger.assertIsSatisfied(5_000);
        assertThat(endpoint(MockEndpoint.class, "hledger.test:5000/transactions").getReceivedCounter()).isZero();
    }

    @Test
    void readIsAGetOfTransactions() throws Exception {
        MockEndpoint hledger = endpoint(MockEndpoint.class, "hledger.test:5000/transactions");
        hledger.expectedMessageCount(1);
        hledger.expectedHeaderReceived(Exchange.HTTP_METHOD, "GET");
        hledger.expectedHeaderReceived("Accept", "application/json");

        producer.sendBody("direct:hledger-read-transactions", null);

        hledger.assertIsSatisfied(5_000);
    }

    @Test
    void bothEndpointsCarryTheTimeoutsOnePooledConnectionNoThrowOnStatusAndNoRetries() {
        for (String path : new String[] {"/add", "/transactions"}) {
            HttpEndpoint http = endpoint(HttpEndpoint.class, "hledger.test:5000" + path);
            assertThat(http.getConnectTimeout()).as(path).isEqualTo(3000);
            assertThat(http.getResponseTimeout()).as(path).isEqualTo(3000);
            assertThat(http.getConnectionRequestTimeout()).as(path).isEqualTo(3000);
            assertThat(http.getSoTimeout()).as(path).isEqualTo(3000);
            assertThat(http.isThrowExceptionOnFailure()).as(path).isFalse();
            assertThat(((PoolingHttpClientConnectionManager) http.getClientConnectionManager()).getMaxTotal()).as(path)
                    .isEqualTo(1);
            assertThat(http.getEndpointUri()).as(path)
                    .contains("httpClient.retryStrategy=%23class%3Aorg.apache.hc.client5.http.impl."
                            + "DefaultHttpRequestRetryStrategy%280");
        }
    }
}
