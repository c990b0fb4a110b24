package io.financehub.invoice;

import io.financehub.invoice.adapter.InvoiceHttpApi;
import io.financehub.platform.web.HttpAnswer;
import io.financehub.support.HttpRouteTestBase;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verify;

/**
 * The invoice API routes ({@code issue-invoice}, {@code invoice-timeline}): {@code POST /api/invoices} reaches
 * {@code invoiceHttpApi.issue} with the request body unread, {@code GET /api/invoices/{invoiceId}} reaches
 * {@code timeline} with the path's id, and each answer — status, headers, JSON — goes back as the bean made it.
 */
@TestPropertySource(properties = "camel.main.routes-include-pattern=file:routes/invoice-api.camel.yaml")
class InvoiceApiRouteTest extends HttpRouteTestBase {

    @MockitoBean(name = "invoiceHttpApi")
    InvoiceHttpApi api;

    @Test
    void anIssueReachesTheApiWithItsBodyAndItsHeadersComeBack() throws Exception {
        byte[] sent = "{\"invoiceId\":\"INV-1\",\"currency\":\"USD\",\"amountMinor\":12500}".getBytes(StandardCharsets.UTF_8);
        AtomicReference<byte[]> received = new AtomicReference<>();
        doAnswer(call -> {
            received.set(call.<HttpServletRequest>getArgument(0).getInputStream().readAllBytes());
            return new HttpAnswer(202, "application/json", Map.of("Location", "/api/invoices/INV-1",
                    "Idempotent-Replayed", "true"), "{\"invoiceId\":\"INV-1\"}".getBytes(StandardCharsets.UTF_8));
        }).when(api).issue(any());

        HttpResponse<String> answer = post("/api/invoices", "application/json", sent);

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.headers().firstValue("Location")).hasValue("/api/invoices/INV-1");
        assertThat(answer.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(answer.body()).isEqualTo("{\"invoiceId\":\"INV-1\"}");
        assertThat(received.get()).isEqualTo(sent);
    }

    @Test
    void aTimelineIsAskedForByThePathsInvoiceId() throws Exception {
        doReturn(new HttpAnswer(404, "application/json", Map.of(),
                "{\"error\":\"not_found\",\"message\":\"no invoice INV-9\",\"details\":[]}".getBytes(StandardCharsets.UTF_8)))
                .when(api).timeline("INV-9");

        HttpResponse<String> answer = get("/api/invoices/INV-9");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("\"error\":\"not_found\"");
        verify(api).timeline("INV-9");
    }
}
