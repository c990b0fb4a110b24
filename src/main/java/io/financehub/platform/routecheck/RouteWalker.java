package io.financehub.platform.routecheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a route entry's tree: every endpoint it names, and every (key, value) pair for checks that look at more
 * than endpoints (bean references).
 */
final class RouteWalker {

    /** The DSL keys whose value is an endpoint: a uri string, or a map with {@code uri} and {@code parameters}. */
    static final Set<String> ENDPOINT_STEPS = Set.of("from", "to", "toD", "wireTap", "enrich", "pollEnrich", "poll",
            "interceptSendToEndpoint", "interceptFrom", "deadLetterChannel");

    /** The DSL keys whose endpoint is an expression: {@code enrich: {simple: "https://...${header.id}"}}. */
    static final Set<String> EXPRESSION_STEPS = Set.of("enrich", "pollEnrich", "recipientList", "routingSlip");

    /** Receives each key and value of a tree, with the key of the map that holds them. */
    interface Visitor {
        void visit(String parentKey, String key, JsonNode value);
    }

    private RouteWalker() {
    }

    static List<Endpoint> endpoints(RouteEntry entry) {
        List<Endpoint> endpoints = new ArrayList<>();
        collect(entry, entry.kind(), entry.definition(), endpoints);
        return endpoints;
    }

    private static void collect(RouteEntry entry, String key, JsonNode node, List<Endpoint> endpoints) {
        if (node.isArray()) {
            node.forEach(item -> collect(entry, key, item, endpoints));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String step = field.getKey();
            JsonNode value = field.getValue();
            Endpoint endpoint = endpoint(entry, step, value);
            if (endpoint != null) {
                endpoints.add(endpoint);
            }
            if (endpoint == null || value.isObject()) {
                // never into an endpoint's parameters: Twilio's "to" is a phone number, not a step
                collect(entry, step, endpoint == null ? value : without(value, "parameters"), endpoints);
            }
        }
    }

    private static Endpoint endpoint(RouteEntry entry, String step, JsonNode value) {
        if (ENDPOINT_STEPS.contains(step)) {
            if (value.isTextual()) {
                return new Endpoint(entry, step, value.asText(), MissingNode.getInstance());
            }
            if (value.path("uri").isTextual()) {
                return new Endpoint(entry, step, value.path("uri").asText(), value.path("parameters"));
            }
        }
        if (EXPRESSION_STEPS.contains(step) && value.isObject()) {
            JsonNode expression = value.has("expression") ? value.path("expression") : value;
            for (String language : List.of("constant", "simple")) {
                JsonNode uri = expression.path(language);
                JsonNode text = uri.isObject() ? uri.path("expression") : uri;
                if (text.isTextual()) {
                    return new Endpoint(entry, step, text.asText(), MissingNode.getInstance());
                }
            }
        }
        if (step.equals("kamelet") && value.path("name").isTextual()) {
            return new Endpoint(entry, step, "kamelet:" + value.path("name").asText(), value.path("parameters"));
        }
        return null;
    }

    private static JsonNode without(JsonNode map, String field) {
        return ((ObjectNode) map.deepCopy()).without(field);
    }

    /** Every key and value in the entry, depth first. */
    static void walk(RouteEntry entry, Visitor visitor) {
        walk(entry.kind(), entry.definition(), visitor);
    }

    private static void walk(String parentKey, JsonNode node, Visitor visitor) {
        if (node.isArray()) {
            node.forEach(item -> walk(parentKey, item, visitor));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                visitor.visit(parentKey, field.getKey(), field.getValue());
                walk(field.getKey(), field.getValue(), visitor);
            }
        }
    }
}
