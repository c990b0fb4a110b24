package io.financehub.webhook;

import io.financehub.support.WebhookSigner;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks under hostile input: every refusal is a clear JSON error below 500, with no stack trace, and
 * leaves no row behind. The signatures are valid where the point is that the content, not the signature, is bad.
 */
class WebhookHostileInputIT extends WebhookIntegrationBase {

    static final int TWO_MIB = 2 * 1024 * 1024;

    @Test
    void aTwoMebibyteBodyIsTooLarge() {
        byte[] body = padded(unique("evt_big_"), TWO_MIB);
        assertRefused(() -> postSignedStripe(body), 413, "payload_too_large");
    }

    @Test
    void anOversizedChunkedBodyIsCountedAndRefused() throws Exception {
        byte[] body = padded(unique("evt_chunk_"), TWO_MIB);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + STRIPE_PATH))
                .header("Stripe-Signature", WebhookSigner.stripe(body, STRIPE_SECRET))
                .header("Content-Type", "application/json")
                // an InputStream publisher has no length: the client sends Transfer-Encoding: chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        assertRefused(() -> send(request), 413, "payload_too_large");
    }

    @Test
    void aChunkedBodyUnderTheLimitIsAccepted() throws Exception {
        byte[] body = WebhookSigner.stripeEvent(unique("evt_chunk_ok_"), "customer.created", "{\"id\":\"cus_1\"}");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + STRIPE_PATH))
                .header("Stripe-Signature", WebhookSigner.stripe(body, STRIPE_SECRET))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        assertThat(send(request).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonWithAValidSignatureIsMalformed() {
        byte[] body = "{\"id\": \"evt_x\", \"type\": ".getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> postSignedStripe(body), 400, "malformed_payload");
    }

    @Test
    void aSignedBodyThatIsNotAStripeEventIsMalformed() {
        byte[] body = "{\"not\": \"an event\"}".getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> postSignedStripe(body), 400, "malformed_payload");
    }

    @Test
    void aMissingSignatureHeaderIsAnInvalidSignature() {
        byte[] body = WebhookSigner.stripeEvent(unique("evt_nosig_"), "customer.created", "{}");
        assertRefused(() -> postStripe(body, null), 400, "invalid_signature");
    }

    @Test
    void aFiveKilobyteSignatureHeaderIsAnInvalidSignature() {
        byte[] body = WebhookSigner.stripeEvent(unique("evt_longsig_"), "customer.created", "{}");
        String header = WebhookSigner.stripe(body, STRIPE_SECRET) + ",v0=" + "a".repeat(5_000);
        assertRefused(() -> postStripe(body, header), 400, "invalid_signature");
    }

    @Test
    void aTwentyKilobyteHeaderValueGetsAJsonErrorFromTheContainer() {
        byte[] body = WebhookSigner.stripeEvent(unique("evt_hdr_"), "customer.created", "{}");
        String header = WebhookSigner.stripe(body, STRIPE_SECRET) + ",v1=" + "a".repeat(20_000);
        assertRefused(() -> postStripe(body, header), 400, "malformed_payload");
        assertRefused(() -> hub().post(STRIPE_PATH, body, Map.of("Stripe-Signature",
                WebhookSigner.stripe(body, STRIPE_SECRET), "X-Padding", "p".repeat(20_000))), 400, "malformed_payload");
    }

    @Test
    void bytesThatAreNotUtf8AreMalformedEvenWhenSigned() {
        byte[] body = new byte[]{'{', '"', 'i', 'd', '"', ':', '"', 'e', 'v', 't', '_', (byte) 0xc3, (byte) 0x28, '"',
                ',', '"', 't', 'y', 'p', 'e', '"', ':', '"', 'x', '"', '}'};
        assertRefused(() -> postSignedStripe(body), 400, "malformed_payload");
        Map<String, String> twilioHeaders = Map.of("X-Twilio-Signature", "c2lnbmF0dXJl",
                "Content-Type", "application/x-www-form-urlencoded");
        assertRefused(() -> hub().post(TWILIO_PATH, new byte[]{'M', '=', (byte) 0xff, (byte) 0xfe}, twilioHeaders),
                400, "malformed_payload");
    }

    @Test
    void aTenKilobyteEventIdIsMalformed() {
        byte[] body = WebhookSigner.stripeEvent("evt_" + "x".repeat(10_240), "customer.created", "{}");
        assertRefused(() -> postSignedStripe(body), 400, "malformed_payload");
        Map<String, String> params = Map.of("MessageSid", "SM" + "1".repeat(10_240), "MessageStatus", "sent");
        assertRefused(() -> postSignedTwilio(params), 400, "malformed_payload");
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertRefused(() -> postSignedStripe(new byte[0]), 400, "malformed_payload");
    }

    private void assertRefused(ResponseCall call, int status, String code) {
        int rowsBefore = webhookRows();
        HttpResponse<String> response;
        try {
            response = call.send();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("the hub should answer, not drop the connection", e);
        }
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).contains("\"error\":\"" + code + "\"", "\"message\":\"")
                .doesNotContain("Exception", "\tat ", "<html");
        assertThat(webhookRows()).isEqualTo(rowsBefore);
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] padded(String eventId, int size) {
        String head = "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"x\",\"data\":{\"object\":{}},\"pad\":\"";
        return (head + "x".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    interface ResponseCall {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }
}
