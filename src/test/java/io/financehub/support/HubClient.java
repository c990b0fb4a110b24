package io.financehub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** Real HTTP calls to the running hub, with the credentials the test profile configures. */
public final class HubClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public HubClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> postInvoice(String json) {
        return send(HttpRequest.newBuilder(uri("/api/invoices")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + HubIntegrationBase.API_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> getApi(String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + HubIntegrationBase.API_TOKEN).GET());
    }

    public HttpResponse<String> getAdmin(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basicAdmin()).GET());
    }

    public HttpResponse<String> postAdmin(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basicAdmin())
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return send(b);
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(b::header);
        return send(b);
    }

    public static String basicAdmin() {
        return basic(HubIntegrationBase.ADMIN_USER, HubIntegrationBase.ADMIN_PASSWORD);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Any method, any body, any headers. */
    public HttpResponse<String> request(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b);
    }

    public static String invoiceJson(String invoiceId, String currency, long amountMinor, String phone) {
        return "{\"invoiceId\":\"" + invoiceId + "\",\"customer\":{\"id\":\"C-42\",\"name\":\"Ada Lovelace\""
                + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + "},\"currency\":\"" + currency
                + "\",\"amountMinor\":" + amountMinor + ",\"description\":\"Consulting, March\"}";
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
