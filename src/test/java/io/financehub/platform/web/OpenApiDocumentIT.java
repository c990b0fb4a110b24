package io.financehub.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.support.HubIntegrationBase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub documents its HTTP API (the REST DSL routes) at {@code GET /api/openapi.json}, readable without a token. */
class OpenApiDocumentIT extends HubIntegrationBase {

    @Test
    void theDocumentListsTheWebhookAndInvoiceOperations() throws Exception {
        HttpResponse<String> response = hub().get("/api/openapi.json", Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode paths = new ObjectMapper().readTree(response.body()).path("paths");
        assertThat(paths.path("/webhooks/stripe").has("post")).as(response.body()).isTrue();
        assertThat(paths.path("/webhooks/twilio/sms-status").has("post")).isTrue();
        assertThat(paths.path("/api/invoices").has("post")).isTrue();
        assertThat(paths.path("/api/invoices/{invoiceId}").has("get")).isTrue();
        assertThat(paths.path("/api/invoices/{invoiceId}").path("get").path("parameters").get(0).path("name").asText())
                .isEqualTo("invoiceId");
    }

    @Test
    void theDocumentNamesTheHubsPublicUrlAsItsServer() throws Exception {
        JsonNode servers = new ObjectMapper().readTree(hub().get("/api/openapi.json", Map.of()).body()).path("servers");

        // HUB_PUBLIC_BASE_URL, what callers use; not the address the hub binds to (0.0.0.0)
        assertThat(servers.get(0).path("url").asText()).isEqualTo(PUBLIC_BASE_URL);
    }
}
