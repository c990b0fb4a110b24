package io.financehub.sms.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;

/**
 * The Twilio SDK's HTTP client, re-targeted onto {@code hub.twilio.api-base} and making exactly one attempt per call.
 * <p>
 * The SDK's own client retries a 5xx three times ({@code HttpClient.reliableRequest} / {@code shouldRetry}), and
 * Apache HttpClient may retry a 429 or 503 by itself. The Messages API has no idempotency key, so any of those
 * retries could send one SMS several times: here every call is one request, and the hub decides what to do with its
 * outcome. Every request keeps its path and query and is sent to the configured base instead of api.twilio.com (the
 * SDK builds the host from product, edge and region, which a test or staging base does not fit).
 */
public class TwilioApiBaseHttpClient extends NetworkHttpClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI apiBase;

    public TwilioApiBaseHttpClient(String apiBase, Duration timeout) {
        super(singleAttemptClient(timeout));
        this.apiBase = URI.create(apiBase.replaceAll("/+$", ""));
    }

    private static HttpClientBuilder singleAttemptClient(Duration timeout) {
        Timeout limit = Timeout.ofMilliseconds(timeout.toMillis());
        return HttpClientBuilder.create()
                .useSystemProperties()
                .disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(limit).build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit)
                                .setSocketTimeout(limit).build())
                        .setMaxConnTotal(20)
                        .setMaxConnPerRoute(20)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit)
                        .setConnectionRequestTimeout(limit).build());
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    protected boolean shouldRetry(Response response, int[] retryCodes) {
        return false;
    }

    @Override
    public Response makeRequest(Request request) {
        return withStatusInErrorBody(super.makeRequest(retarget(request)));
    }

    /** The request as the SDK would send it, with scheme, host and port (and any base path) of the API base. */
    Request retarget(Request original) {
        URL sdkUrl = original.constructURL();
        String target = apiBase + sdkUrl.getPath() + (sdkUrl.getQuery() == null ? "" : "?" + sdkUrl.getQuery());
        RetargetedRequest copy = new RetargetedRequest(original, target);
        if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        }
        original.getPostParams().forEach((name, values) -> values.forEach(v -> copy.addPostParam(name, v)));
        original.getHeaderParams().forEach((name, values) -> values.forEach(v -> copy.addHeaderParam(name, v)));
        copy.setContentType(original.getContentType());
        copy.setBody(original.getBody());
        copy.setFormParameters(original.getFormParameters());
        copy.setUserAgentExtensions(original.getUserAgentExtensions());
        return copy;
    }

    /**
     * The SDK builds its exception from the error body's {@code status}; an error answer without Twilio's JSON (a
     * proxy's HTML 502, an empty 500) would lose the HTTP status, and the status is what decides between "refused"
     * and "outcome unknown". Such a body gets the status written into Twilio's error shape.
     */
    static Response withStatusInErrorBody(Response response) {
        int status = response.getStatusCode();
        if (status < 400) {
            return response;
        }
        // read once here: the SDK reads the body again from the returned response
        String content = response.getContent();
        ObjectNode error;
        try {
            JsonNode parsed = content == null || content.isBlank() ? null : JSON.readTree(content);
            error = parsed instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            error = JSON.createObjectNode();
        }
        if (!error.path("status").isInt() || error.path("status").asInt() != status) {
            error.put("status", status);
        }
        if (!error.hasNonNull("message")) {
            error.put("message", "HTTP " + status + " without a Twilio error body");
        }
        return new Response(error.toString(), status, response.getHeaders());
    }

    /** A request whose URL is fixed: the SDK's host rewriting (edges, regions) does not apply to it. */
    private static final class RetargetedRequest extends Request {

        private final String target;

        RetargetedRequest(Request original, String target) {
            super(original.getMethod(), target);
            this.target = target;
        }

        @Override
        public URL constructURL() {
            try {
                return URI.create(target).toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("bad Twilio API URL " + target, e);
            }
        }
    }
}
