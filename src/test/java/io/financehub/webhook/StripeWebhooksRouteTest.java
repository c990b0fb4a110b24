package io.financehub.webhook;

import org.springframework.boot.test.context.SpringBootTest;

/** {@code routes/stripe-webhook-processor.camel.yaml}: see {@link WebhookProcessorRouteTestBase}. */
@SpringBootTest(classes = WebhookProcessorRouteTestBase.RouteOnly.class, properties =
        "camel.main.routes-include-pattern=file:routes/stripe-webhook-processor.camel.yaml,file:routes/error-handling.camel.yaml")
class StripeWebhooksRouteTest extends WebhookProcessorRouteTestBase {

    @Override
    String routeId() {
        return "stripe-webhook-processor";
    }

    @Override
    String provider() {
        return "stripe";
    }

    @Override
    String eventId() {
        return "evt_route_1";
    }
}
