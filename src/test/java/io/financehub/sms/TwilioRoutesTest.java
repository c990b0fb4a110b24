package io.financehub.sms;

import com.twilio.http.TwilioRestClient;
import com.twilio.type.PhoneNumber;
import io.financehub.support.RouteTestBase;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.twilio.TwilioComponent;
import org.apache.camel.util.function.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Twilio routes: {@code twilio-send-sms} turns the adapter's recipient, sender, body and callback into
 * camel-twilio's headers for {@code twilio://message/creator}; {@code twilio-lookup-sms} asks
 * {@code twilio://message/reader} for one recipient's messages, with DateSent> only when the adapter gives one;
 * {@code twilio-fetch-sms} asks {@code twilio://message/fetcher} for one message of the account.
 */
@TestPropertySource(properties = "camel.main.routes-include-pattern=file:routes/vendor-calls.camel.yaml,"
        + "file:routes/twilio-send-sms.camel.yaml,file:routes/twilio-lookup-sms.camel.yaml,"
        + "file:routes/twilio-fetch-sms.camel.yaml")
class TwilioRoutesTest extends RouteTestBase {

    static final PhoneNumber TO = new PhoneNumber("+15551234567");

    @Override
    protected Map<String, ThrowingConsumer<AdviceWithRouteBuilder, Exception>> advice() {
        // as the hub does: the component gets a client of its own, so the endpoints start without an account
        TwilioComponent component = new TwilioComponent();
        component.setRestClient(new TwilioRestClient.Builder("ACtest", "token").build());
        camel.addComponent("twilio", component);
        return Map.of("twilio-send-sms", a -> a.mockEndpointsAndSkip("twilio*"),
                "twilio-lookup-sms", a -> a.mockEndpointsAndSkip("twilio*"),
                "twilio-fetch-sms", a -> a.mockEndpointsAndSkip("twilio*"));
    }

    @Test
    void sendSetsTheCreatorsHeaders() throws Exception {
        MockEndpoint twilio = endpoint(MockEndpoint.class, "message/creator");
        URI callback = URI.create("https://hub.example.test/webhooks/twilio/sms-status");
        twilio.expectedMessageCount(1);
        twilio.expectedHeaderReceived("CamelTwilioTo", TO);
        twilio.expectedHeaderReceived("CamelTwilioFrom", new PhoneNumber("+15005550006"));
        twilio.expectedHeaderReceived("CamelTwilioBody", "Invoice INV-1 is due");
        twilio.expectedHeaderReceived("CamelTwilioStatusCallback", callback);

        producer.send("direct:twilio-send-sms", e -> {
            e.getIn().setHeader("smsTo", TO);
            e.getIn().setHeader("smsFrom", new PhoneNumber("+15005550006"));
            e.getIn().setHeader("smsStatusCallback", callback);
            e.getIn().setBody("Invoice INV-1 is due");
        });

        twilio.assertIsSatisfied(5_000);
    }

    @Test
    void lookupAsksForTheRecipientAndDateSentOnlyWhenGiven() throws Exception {
        MockEndpoint twilio = endpoint(MockEndpoint.class, "message/reader");
        ZonedDateTime since = ZonedDateTime.of(2026, 1, 15, 10, 0, 0, 0, ZoneOffset.UTC);
        twilio.expectedMessageCount(2);

        producer.send("direct:twilio-lookup-sms", e -> {
            e.getIn().setHeader("smsAccountSid", "ACtest");
            e.getIn().setHeader("smsTo", TO);
            e.getIn().setHeader("smsPageSize", 200L);
            e.getIn().setHeader("smsDateSentAfter", since);
        });
        producer.send("direct:twilio-lookup-sms", e -> {
            e.getIn().setHeader("smsAccountSid", "ACtest");
            e.getIn().setHeader("smsTo", TO);
            e.getIn().setHeader("smsPageSize", 200L);
        });

        twilio.assertIsSatisfied(5_000);
        Map<String, Object> first = twilio.getExchanges().get(0).getIn().getHeaders();
        Map<String, Object> second = twilio.getExchanges().get(1).getIn().getHeaders();
        assertThat(first).containsEntry("CamelTwilioPathAccountSid", "ACtest").containsEntry("CamelTwilioTo", TO)
                .containsEntry("CamelTwilioPageSize", 200L).containsEntry("CamelTwilioDateSentAfter", since);
        assertThat(second).containsEntry("CamelTwilioTo", TO).doesNotContainKey("CamelTwilioDateSentAfter");
    }

    @Test
    void fetchAsksForOneMessageOfTheAccount() throws Exception {
        MockEndpoint twilio = endpoint(MockEndpoint.class, "message/fetcher");
        twilio.expectedMessageCount(1);
        twilio.expectedHeaderReceived("CamelTwilioPathAccountSid", "ACtest");
        twilio.expectedHeaderReceived("CamelTwilioPathSid", "SM123");

        producer.send("direct:twilio-fetch-sms", e -> {
            e.getIn().setHeader("smsAccountSid", "ACtest");
            e.getIn().setHeader("smsMessageSid", "SM123");
        });

        twilio.assertIsSatisfied(5_000);
    }
}
