package io.financehub.webhook;

import org.springframework.boot.test.context.SpringBootTest;

/** {@code routes/twilio-webhook-processor.camel.yaml}: see {@link WebhookProcessorRouteTestBase}. */
@SpringBootTest(classes = WebhookProcessorRouteTestBase.RouteOnly.class, properties =
        "camel.main.routes-include-pattern=file:routes/twilio-webhook-processor.camel.yaml,file:routes/error-handling.camel.yaml")
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
