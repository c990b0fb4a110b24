package io.financehub.sms;

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
 * The {@code sandbox-sms-status-callback-post} route: the signed form goes as a POST to the URL the sandbox gives,
 * with its signature header, one attempt with 10 s timeouts and no exception on a status.
 */
@TestPropertySource(properties = "camel.main.routes-include-pattern=file:routes/vendor-calls.camel.yaml,"
        + "file:routes/sandbox-sms-status-callback-post.camel.yaml")
class SandboxSmsStatusCallbackPostRouteTest extends RouteTestBase {

    @Override
    protected Map<String, ThrowingConsumer<AdviceWithRouteBuilder, Exception>> advice() {
        return Map.of("sandbox-sms-status-callback-post", a -> a.mockEndpointsAndSkip("http*"));
    }

    @Test
    void theFormIsPostedSignedToTheGivenUrl() throws Exception {
        MockEndpoint hub = endpoint(MockEndpoint.class, "/webhooks/twilio/sms-status");
        hub.expectedBodiesReceived("MessageSid=SM1&MessageStatus=sent");
        hub.expectedHeaderReceived(Exchange.HTTP_METHOD, "POST");
        hub.expectedHeaderReceived(Exchange.HTTP_URI, "http://127.0.0.1:9999/webhooks/twilio/sms-status");
        hub.expectedHeaderReceived("Content-Type", "application/x-www-form-urlencoded");
        hub.expectedHeaderReceived("X-Twilio-Signature", "c2lnbmF0dXJl");

        producer.send("direct:sandbox-sms-status-callback-post", e -> {
            e.getIn().setHeader("smsCallbackUrl", "http://127.0.0.1:9999/webhooks/twilio/sms-status");
            e.getIn().setHeader("X-Twilio-Signature", "c2lnbmF0dXJl");
            e.getIn().setBody("MessageSid=SM1&MessageStatus=sent");
        });

        hub.assertIsSatisfied(5_000);
        assertThat(hub.getExchanges().get(0).getIn().getHeaders()).doesNotContainKey("smsCallbackUrl");
    }

    @Test
    void oneAttemptWithTenSecondTimeoutsAndNoThrowOnStatus() {
        HttpEndpoint http = endpoint(HttpEndpoint.class, "/webhooks/twilio/sms-status");
        assertThat(http.getConnectTimeout()).isEqualTo(10_000);
        assertThat(http.getResponseTimeout()).isEqualTo(10_000);
        assertThat(http.isThrowExceptionOnFailure()).isFalse();
        assertThat(http.getEndpointUri()).contains("DefaultHttpRequestRetryStrategy%280");
    }
}
