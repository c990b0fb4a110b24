package io.financehub.payment.adapter;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpContent;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * stripe-java's transport on {@link java.net.http.HttpClient}, one pooled client for every call.
 *
 * <p>Why not the SDK's default: it uses {@code HttpURLConnection}, which silently sends a POST a second time when
 * the connection breaks while it waits for the answer ({@code sun.net.http.retryPost}, on by default). That second
 * request carries the same idempotency key, so Stripe would not create a second PaymentIntent, but it is a vendor
 * call the hub never decided on and {@code payment_attempts} never saw. {@code java.net.http} never resends a
 * non-idempotent request by itself, so one attempt in the audit is one request on the wire.
 */
final class JdkStripeHttpClient extends HttpClient {

    private final java.net.http.HttpClient http;
    private final Duration readTimeout;

    JdkStripeHttpClient(Duration connectTimeout, Duration readTimeout) {
        this.http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = readTimeout;
    }

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        HttpRequest httpRequest = toHttpRequest(request);
        try {
            HttpResponse<String> response = http.send(httpRequest,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new StripeResponse(response.statusCode(), HttpHeaders.of(response.headers().map()), response.body());
        } catch (IOException e) {
            throw new ApiConnectionException("I/O error on " + request.method() + " " + request.url() + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted during " + request.method() + " " + request.url(), e);
        }
    }

    private HttpRequest toHttpRequest(StripeRequest request) throws ApiConnectionException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(request.url().toURI());
        } catch (URISyntaxException e) {
            throw new ApiConnectionException("invalid Stripe URL " + request.url(), e);
        }
        Integer perRequest = request.options() == null ? null : request.options().getReadTimeout();
        builder.timeout(perRequest != null && perRequest > 0 ? Duration.ofMillis(perRequest) : readTimeout);
        for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
            builder.setHeader(header.getKey(), String.join(",", header.getValue()));
        }
        builder.setHeader("User-Agent", buildUserAgentString(request));
        builder.setHeader("X-Stripe-Client-User-Agent", buildXStripeClientUserAgentString());
        HttpContent content = request.content();
        if (content == null) {
            builder.method(request.method().name(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.setHeader("Content-Type", content.contentType());
            builder.method(request.method().name(), HttpRequest.BodyPublishers.ofByteArray(content.byteArrayContent()));
        }
        return builder.build();
    }
}
