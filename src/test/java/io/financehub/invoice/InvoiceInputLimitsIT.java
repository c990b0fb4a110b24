package io.financehub.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.support.HubIntegrationBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile invoice commands over HTTP: control characters (PostgreSQL refuses U+0000 in text), invoice ids longer
 * than their column, and bodies far over any real invoice. Each gets a 4xx in the hub's JSON error format, and nothing of
 * it is stored but the audit of the refusal.
 */
class InvoiceInputLimitsIT extends HubIntegrationBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    /** Each value is how the character is written inside a JSON string (escaped, as a client would send it). */
    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0007", "\\r", "\\n", "\\u001b[2J", "\\u007f", "\\u0085", "\\u2028",
            "\\ud800"})
    void controlCharactersInATextFieldAreAValidationErrorNotA500(String hostile) throws Exception {
        String id = "INV-CTL-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"invoiceId\":\"" + id + "\",\"currency\":\"USD\",\"amountMinor\":100,"
                + "\"description\":\"Consulting" + hostile + "March\","
                + "\"customer\":{\"id\":\"C" + hostile + "\",\"name\":\"Ada" + hostile + "\"}}";

        HttpResponse<String> response = hub().postInvoice(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").asText()).isEqualTo("validation_failed");
        assertThat(error.get("details").findValuesAsText("field"))
                .containsExactlyInAnyOrder("description", "customer.id", "customer.name");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoices WHERE invoice_id = ?", Integer.class, id))
                .isZero();
        assertThat(jdbc.queryForList("SELECT outcome FROM inbound_commands WHERE invoice_id = ?", String.class, id))
                .containsExactly("rejected");
    }

    @Test
    void anInvalidInvoiceIdOfAnyLengthOrContentIsRefusedWithoutA500() throws Exception {
        for (String id : new String[]{"x".repeat(300), "INV-\u0000-1", "INV 1"}) {
            String body = JSON.writeValueAsString(Map.of("invoiceId", id, "currency", "USD", "amountMinor", 100));

            HttpResponse<String> response = hub().postInvoice(body);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("validation_failed");
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        byte[] body = new byte[1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';

        HttpResponse<String> response = hub().post("/api/invoices", body,
                Map.of("Authorization", "Bearer " + API_TOKEN, "Content-Type", "application/json"));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void aDeclaredFiftyMebibyteBodyIsRefusedBeforeItIsSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            // the hub must answer from the header alone: the client sends only a little of what it declared
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/invoices HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + API_TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (50L * 1024 * 1024) + "\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            byte[] buffer = new byte[4096];
            int n = socket.getInputStream().read(buffer);

            assertThat(n).isPositive();
            assertThat(new String(buffer, 0, n, StandardCharsets.UTF_8)).startsWith("HTTP/1.1 413")
                    .contains("payload_too_large");
        }
    }

    @Test
    void aChunkedBodyIsCountedAsItArrivesAndRefusedPastTheLimit() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/invoices HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + API_TOKEN
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[16 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            chunk[0] = '{';
            String answer;
            socket.setSoTimeout(15_000);
            InputStream in = socket.getInputStream();
            try {
                for (int i = 0; i < 256; i++) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    chunk[0] = ' ';
                    if (in.available() > 0) {
                        break;
                    }
                }
            } catch (java.io.IOException refusedMidBody) {
                // the hub answered and closed while we were still sending: read what it said
            }
            byte[] buffer = new byte[4096];
            int n = in.read(buffer);
            answer = n > 0 ? new String(buffer, 0, n, StandardCharsets.UTF_8) : "";
            assertThat(answer).startsWith("HTTP/1.1 413").contains("payload_too_large");
        }
    }
}
