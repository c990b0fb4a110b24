package io.financehub.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mapped endpoint, called by every kind of caller: anonymous, the invoicing application's bearer token, the
 * Prometheus scrape credential, viewer, operator and admin. A caller without the role gets 401 (no or bad
 * credentials) or 403 {@code forbidden} (credentials without the role); one with it gets past security. The table
 * must cover every controller mapping and every exposed actuator endpoint, so a new endpoint cannot slip in open.
 */
class RoleAccessIT extends HubIntegrationBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who may call an endpoint. */
    enum Access { OPEN, API, API_OR_VIEWER, METRICS, VIEWER, OPERATOR, ADMIN }

    enum Caller {
        ANONYMOUS(Map.of()),
        API_CLIENT(Map.of("Authorization", "Bearer " + API_TOKEN)),
        METRICS_SCRAPER(Map.of("Authorization", HubClient.basic(METRICS_USER, METRICS_PASSWORD))),
        VIEWER(Map.of("Authorization", HubClient.basic(VIEWER_USER, VIEWER_PASSWORD))),
        OPERATOR(Map.of("Authorization", HubClient.basic(OPERATOR_USER, OPERATOR_PASSWORD))),
        ADMIN(Map.of("Authorization", HubClient.basic(ADMIN_USER, ADMIN_PASSWORD)));

        final Map<String, String> headers;

        Caller(Map<String, String> headers) {
            this.headers = headers;
        }

        boolean hasBasic() {
            return this == METRICS_SCRAPER || this == VIEWER || this == OPERATOR || this == ADMIN;
        }
    }

    record Endpoint(String method, String path, String body, Access access) {
        String pathWithoutQuery() {
            int q = path.indexOf('?');
            return q < 0 ? path : path.substring(0, q);
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/actuator/health", null, Access.OPEN),
            new Endpoint("GET", "/actuator/health/liveness", null, Access.OPEN),
            new Endpoint("GET", "/actuator/health/readiness", null, Access.OPEN),
            new Endpoint("POST", "/webhooks/stripe", "{}", Access.OPEN),
            new Endpoint("POST", "/webhooks/twilio/sms-status", "MessageSid=SM1", Access.OPEN),
            new Endpoint("POST", "/api/invoices", "{}", Access.API),
            new Endpoint("GET", "/api/invoices/INV-ROLE-NONE", null, Access.API_OR_VIEWER),
            new Endpoint("GET", "/actuator/prometheus", null, Access.METRICS),
            new Endpoint("GET", "/actuator", null, Access.VIEWER),
            new Endpoint("GET", "/actuator/info", null, Access.VIEWER),
            new Endpoint("GET", "/actuator/metrics", null, Access.VIEWER),
            new Endpoint("GET", "/actuator/metrics/jvm.memory.used", null, Access.VIEWER),
            new Endpoint("GET", "/actuator/hawtio/", null, Access.VIEWER),
            new Endpoint("GET", "/actuator/jolokia/version", null, Access.VIEWER),
            new Endpoint("POST", "/actuator/jolokia", "{\"type\":\"version\"}", Access.VIEWER),
            new Endpoint("GET", "/admin/webhook-events", null, Access.VIEWER),
            new Endpoint("POST", "/admin/webhook-events/stripe/evt_role_none/replay", null, Access.OPERATOR),
            new Endpoint("GET", "/admin/dead-letters", null, Access.VIEWER),
            new Endpoint("POST", "/admin/dead-letters/987654321/retry", null, Access.OPERATOR),
            new Endpoint("GET", "/admin/reconciliation", null, Access.VIEWER),
            new Endpoint("GET", "/admin/reconciliation?format=csv", null, Access.VIEWER),
            new Endpoint("POST", "/admin/reconciliation/INV-ROLE-NONE:ledger.invoice/repost", null, Access.OPERATOR),
            new Endpoint("GET", "/admin/sms-messages", null, Access.VIEWER),
            new Endpoint("POST", "/admin/sms-messages/INV-ROLE-NONE:sms.invoice/lookup", null, Access.OPERATOR),
            new Endpoint("POST", "/admin/sms-messages/INV-ROLE-NONE:sms.invoice/resend", null, Access.OPERATOR),
            // sandbox mode: the operator is let through and told recovery needs live mode (409)
            new Endpoint("POST", "/admin/recovery/stripe", null, Access.OPERATOR),
            new Endpoint("POST", "/admin/recovery/twilio", null, Access.OPERATOR),
            // anything not listed above is the admin's alone
            new Endpoint("GET", "/internal/not-mapped", null, Access.ADMIN),
            new Endpoint("POST", "/actuator/not-exposed", null, Access.ADMIN));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    PathMappedEndpoints actuatorEndpoints;

    @Test
    void everyCallerGetsExactlyItsRolesEndpoints() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : Caller.values()) {
                HttpResponse<String> answer = hub().request(endpoint.method(), endpoint.path(), endpoint.body(),
                        headers(caller, endpoint));
                String seen = endpoint.method() + " " + endpoint.path() + " as " + caller + " -> "
                        + answer.statusCode() + " " + abbreviate(answer.body());
                if (allowed(caller, endpoint.access())) {
                    if (answer.statusCode() == 401 || answer.statusCode() == 403 || answer.statusCode() >= 500) {
                        wrong.add("expected access: " + seen);
                    }
                } else {
                    int expected = caller.hasBasic() || (caller == Caller.API_CLIENT && endpoint.path().startsWith("/api"))
                            ? 403 : 401;
                    if (answer.statusCode() != expected || !errorCode(answer).equals(expected == 403 ? "forbidden"
                            : "unauthorized")) {
                        wrong.add("expected " + expected + ": " + seen);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedForEveryAccount() {
        for (String user : List.of(ADMIN_USER, VIEWER_USER, OPERATOR_USER, METRICS_USER)) {
            HttpResponse<String> answer = hub().get("/actuator/prometheus",
                    Map.of("Authorization", HubClient.basic(user, "not-the-password")));
            assertThat(answer.statusCode()).as(user).isEqualTo(401);
            assertThat(answer.body()).as(user).contains("\"error\":\"unauthorized\"");
        }
        // one account's password does not open another account
        HttpResponse<String> swapped = hub().get("/admin/dead-letters",
                Map.of("Authorization", HubClient.basic(ADMIN_USER, VIEWER_PASSWORD)));
        assertThat(swapped.statusCode()).isEqualTo(401);
    }

    @Test
    void theTableCoversEveryControllerMappingAndEveryExposedActuatorEndpoint() {
        List<String> uncovered = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<RequestMethod> wanted = methods.isEmpty() ? EnumSet.of(RequestMethod.GET) : methods;
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                if (pattern.getPatternString().equals("/error")) {
                    continue; // Spring's error page renders the refusals themselves
                }
                for (RequestMethod method : wanted) {
                    boolean covered = ENDPOINTS.stream().anyMatch(e -> e.method().equals(method.name())
                            && pattern.matches(PathContainer.parsePath(e.pathWithoutQuery())));
                    if (!covered) {
                        uncovered.add(method + " " + pattern.getPatternString() + " (" + mapping.getValue() + ")");
                    }
                }
            }
        }
        for (String root : actuatorEndpoints.getAllPaths()) {
            if (ENDPOINTS.stream().noneMatch(e -> e.pathWithoutQuery().startsWith(root))) {
                uncovered.add("actuator " + root);
            }
        }
        assertThat(uncovered).isEmpty();
    }

    private static Map<String, String> headers(Caller caller, Endpoint endpoint) {
        if (endpoint.body() == null) {
            return caller.headers;
        }
        Map<String, String> headers = new java.util.HashMap<>(caller.headers);
        headers.put("Content-Type", endpoint.body().startsWith("{") ? "application/json"
                : "application/x-www-form-urlencoded");
        return headers;
    }

    private static boolean allowed(Caller caller, Access access) {
        return switch (access) {
            case OPEN -> true;
            case API -> caller == Caller.API_CLIENT;
            case API_OR_VIEWER -> caller == Caller.API_CLIENT || caller == Caller.VIEWER || caller == Caller.OPERATOR
                    || caller == Caller.ADMIN;
            case METRICS -> caller.hasBasic();
            case VIEWER -> caller == Caller.VIEWER || caller == Caller.OPERATOR || caller == Caller.ADMIN;
            case OPERATOR -> caller == Caller.OPERATOR || caller == Caller.ADMIN;
            case ADMIN -> caller == Caller.ADMIN;
        };
    }

    private static String errorCode(HttpResponse<String> answer) {
        try {
            JsonNode body = JSON.readTree(answer.body());
            return body.path("error").asText("");
        } catch (Exception e) {
            return "";
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "..." : oneLine;
    }
}
