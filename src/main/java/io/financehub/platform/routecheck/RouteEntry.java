package io.financehub.platform.routecheck;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One top-level entry of a route file ({@code route}, {@code routeConfiguration}, {@code rest}, {@code beans}, ...).
 *
 * @param file       the file it is in
 * @param index      its position in the file, as the schema's error paths name it
 * @param kind       the DSL key: {@code route}, {@code rest}, ...
 * @param id         the route (or configuration, template, rest) id; {@code null} when it has none
 * @param startUri   the uri its exchanges start from ({@code rest:<path>} for the REST DSL); {@code null} for entries
 *                   that start nothing
 * @param definition the entry's body
 */
record RouteEntry(RouteFile file, int index, String kind, String id, String startUri, JsonNode definition) {

    /** What a finding calls this entry: its id, else its kind and position. */
    String label() {
        return id != null ? id : kind + "[" + index + "]";
    }

    Finding finding(String message) {
        return new Finding(file.name(), label(), message);
    }

    static RouteEntry of(RouteFile file, int index, String kind, JsonNode definition) {
        return switch (kind) {
            case "route" -> new RouteEntry(file, index, kind, text(definition, "id"), fromUri(definition), definition);
            case "routeTemplate" -> new RouteEntry(file, index, kind, text(definition, "id"),
                    fromUri(definition.path("route")), definition);
            case "templatedRoute" -> new RouteEntry(file, index, kind, text(definition, "routeId"), null, definition);
            case "rest" -> new RouteEntry(file, index, kind, text(definition, "id"),
                    "rest:" + definition.path("path").asText("/"), definition);
            default -> new RouteEntry(file, index, kind, text(definition, "id"), null, definition);
        };
    }

    private static String fromUri(JsonNode route) {
        JsonNode from = route.path("from");
        return from.isTextual() ? from.asText() : text(from, "uri");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asText().isBlank() ? value.asText() : null;
    }
}
