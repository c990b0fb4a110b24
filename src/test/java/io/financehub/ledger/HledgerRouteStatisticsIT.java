package io.financehub.ledger;

import io.financehub.support.HledgerIntegrationBase;
import io.financehub.support.HubClient;
import io.financehub.support.RouteStatistics;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journal entry the hub posts goes through the {@code hledger-add-transaction} route, so hawtio's statistics of
 * that route (its MBean's ExchangesTotal) count the hledger-web writes.
 */
class HledgerRouteStatisticsIT extends HledgerIntegrationBase {

    @Autowired
    CamelContext camel;

    @Test
    void aPostedEntryIsAnExchangeOfTheHledgerAddRoute() {
        long before = RouteStatistics.exchangesTotal(camel, "hledger-add-transaction");
        String id = "RS-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(hub().postInvoice(HubClient.invoiceJson(id, "USD", 4200, null)).statusCode()).isEqualTo(202);

        awaitSucceeded(id + ":post-invoice");
        assertThat(RouteStatistics.exchangesTotal(camel, "hledger-add-transaction")).isGreaterThan(before);
    }
}
