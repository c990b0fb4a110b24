package io.financehub.webhook;

import io.financehub.support.WebhookSigner;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook endpoints are Camel routes ({@code routes/*-webhook-intake.camel.yaml}) that hand the signature check
 * the request's raw bytes: bodies whose bytes would change if anything decoded and re-encoded them (non-ASCII
 * UTF-8 under a lying charset, CRLF line ends, unusual percent-encoding) still verify and are stored byte for byte;
 * and hawtio's per-route statistics count the intake traffic.
 */
class WebhookIntakeRouteIT extends WebhookIntegrationBase {

    @Autowired
    CamelContext camel;

    @Test
    void aStripeBodyIsVerifiedAndStoredAsItsRawBytes() throws Exception {
        String eventId = unique("evt_raw_");
        byte[] body = ("{\r\n  \"id\": \"" + eventId + "\",\r\n  \"object\": \"event\",\r\n  \"type\": \"customer.created\","
                + "\r\n  \"created\": " + System.currentTimeMillis() / 1000 + ",\r\n  \"data\": {\"object\": {\"id\": "
                + "\"cus_1\", \"name\": \"Zoë Ångström – 請求書 €\"}}\r\n}\r\n").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = hub().post(STRIPE_PATH, body, Map.of(
                "Content-Type", "application/json; charset=ISO-8859-1",
                "Stripe-Signature", WebhookSigner.stripe(body, STRIPE_SECRET)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"accepted\",\"eventId\":\"" + eventId + "\"}");
        assertThat(eventRow("stripe", eventId).get("payload_hash")).isEqualTo(sha256(body));
        assertThat(eventRow("stripe", eventId).get("payload")).isEqualTo(new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void aTwilioFormIsVerifiedOverItsParametersAndStoredAsItsRawBytes() throws Exception {
        String sid = unique("SM");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", "ACsandbox");
        params.put("MessageSid", sid);
        params.put("MessageStatus", "sent");
        params.put("Body", "Zoë paid € 5 + tip");
        String form = "AccountSid=ACsandbox&MessageSid=" + sid + "&MessageStatus=sent"
                + "&Body=Zo%c3%ab%20paid+%E2%82%AC+5+%2B+tip";
        byte[] body = form.getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> response = hub().post(TWILIO_PATH + "?attempt=1", body, Map.of(
                "Content-Type", "application/x-www-form-urlencoded",
                "X-Twilio-Signature", WebhookSigner.twilio(PUBLIC_BASE_URL + TWILIO_PATH + "?attempt=1", params,
                        TWILIO_TOKEN)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(eventRow("twilio", sid + ":sent").get("payload_hash")).isEqualTo(sha256(body));
        assertThat(eventRow("twilio", sid + ":sent").get("payload")).isEqualTo(form);
    }

    @Test
    void theIntakeRoutesCountTheirExchangesForHawtio() {
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        ManagedRouteMBean route = managed.getManagedRoute("stripe-webhook-intake");
        assertThat(route).as("the intake route's MBean, which hawtio shows").isNotNull();
        long before = route.getExchangesTotal();

        byte[] body = WebhookSigner.stripeEvent(unique("evt_count_"), "customer.created", "{\"id\":\"cus_1\"}");
        assertThat(postSignedStripe(body).statusCode()).isEqualTo(200);
        assertThat(postStripe(body, "t=1,v1=00").statusCode()).isEqualTo(400);

        assertThat(route.getExchangesTotal()).isEqualTo(before + 2);
        assertThat(camel.getRoute("stripe-webhook-intake").getDescription()).contains("/webhooks/stripe");
    }

    private static String sha256(byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }
}
