package io.financehub.webhook;

import org.springframework.boot.test.context.SpringBootTest;

/** {@code routes/twilio-webhooks.yaml}: see {@link WebhookProcessorRouteTestBase}. */
@SpringBootTest(classes = WebhookProcessorRouteTestBase.RouteOnly.class, properties =
        "camel.main.routes-include-pattern=file:routes/twilio-webhooks.yaml,file:routes/error-handling.yaml")
class TwilioWebhooksRouteTest extends WebhookProcessorRouteTestBase {

    @Override
    String routeId() {
        return "twilio-webhook-processor";
    }

    @Override
    String provider() {
        return "twilio";
    }

    @Override
    String eventId() {
        return "SM0123456789abcdef:delivered";
    }
}
