package io.financehub.sms;

import io.financehub.support.HubClient;
import io.financehub.support.RouteStatistics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SMS the hub sends goes through the {@code twilio-send-sms} route, so hawtio's statistics of that route (its
 * MBean's ExchangesTotal) count the Twilio calls.
 */
class TwilioRouteStatisticsIT extends LiveTwilioIntegrationBase {

    @Test
    void anSmsSentToTwilioIsAnExchangeOfTheTwilioSendRoute() {
        String to = "+15550000901";
        TWILIO.stubFor(send(to).willReturn(created("SM901")));
        long before = RouteStatistics.exchangesTotal(camel, "twilio-send-sms");
        String id = invoiceId();

        assertThat(hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, to)).statusCode()).isEqualTo(202);

        awaitSideEffect(id + ":sms-invoice-issued", "succeeded");
        assertThat(sent(to)).isEqualTo(1);
        assertThat(RouteStatistics.exchangesTotal(camel, "twilio-send-sms")).isEqualTo(before + 1);
    }
}
