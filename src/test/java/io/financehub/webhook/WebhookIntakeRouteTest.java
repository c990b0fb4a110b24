package io.financehub.webhook;

import io.financehub.platform.web.HttpAnswer;
import io.financehub.support.HttpRouteTestBase;
import io.financehub.webhook.adapter.WebhookIntake;
import org.apache.camel.builder.NotifyBuilder;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * The webhook entry routes ({@code stripe-webhook-intake}, {@code twilio-webhook-intake}): each POST reaches
 * {@code webhookIntake} with the servlet request unread — the raw bytes, a form body not parsed into parameters — and
 * the bean's answer goes back byte for byte.
 */
@TestPropertySource(properties = "camel.main.routes-include-pattern=file:routes/stripe-webhook-intake.camel.yaml,"
        + "file:routes/twilio-webhook-intake.camel.yaml")
class WebhookIntakeRouteTest extends HttpRouteTestBase {

    @MockitoBean(name = "webhookIntake")
    WebhookIntake intake;

    @Test
    void aStripePostReachesTheIntakeWithItsRawBytesAndGetsItsAnswerBack() throws Exception {
        byte[] sent = "{\"id\":\"evt_1\",\r\n\"name\":\"Zoë – 請求書 €\"}".getBytes(StandardCharsets.UTF_8);
        AtomicReference<byte[]> received = new AtomicReference<>();
        doAnswer(call -> {
            received.set(call.<HttpServletRequest>getArgument(0).getInputStream().readAllBytes());
            return new HttpAnswer(200, "application/json", Map.of(),
                    "{\"status\":\"accepted\",\"eventId\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8));
        }).when(intake).stripe(any());
        NotifyBuilder done = oneExchangeThrough("stripe-webhook-intake");

        HttpResponse<String> answer = post("/webhooks/stripe", "application/json; charset=ISO-8859-1", sent);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"status\":\"accepted\",\"eventId\":\"evt_1\"}");
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(received.get()).isEqualTo(sent);
        assertThat(done.matches(5, TimeUnit.SECONDS)).as("the exchange went through stripe-webhook-intake").isTrue();
    }

    @Test
    void aTwilioFormReachesTheIntakeUnparsedAndARefusalKeepsItsStatus() throws Exception {
        byte[] form = "MessageSid=SM1&MessageStatus=delivered&To=%2B15551234567&Body=Zo%c3%ab+paid"
                .getBytes(StandardCharsets.US_ASCII);
        AtomicReference<byte[]> received = new AtomicReference<>();
        doAnswer(call -> {
            received.set(call.<HttpServletRequest>getArgument(0).getInputStream().readAllBytes());
            return new HttpAnswer(400, "application/json", Map.of(), ("{\"error\":\"invalid_signature\","
                    + "\"message\":\"X-Twilio-Signature does not match\",\"details\":[]}").getBytes(StandardCharsets.UTF_8));
        }).when(intake).twilioSmsStatus(any());

        HttpResponse<String> answer = post("/webhooks/twilio/sms-status", "application/x-www-form-urlencoded", form);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).startsWith("{\"error\":\"invalid_signature\"");
        assertThat(received.get()).as("the form is still in the body, for the signature over its parameters")
                .isEqualTo(form);
    }
}
