package io.financehub.platform.routecheck;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An endpoint a route names in a step ({@code from}, {@code to}, {@code toD}, {@code wireTap}, {@code enrich},
 * {@code kamelet}, ...), with the options given in its uri's query and in {@code parameters:}.
 *
 * @param entry      the route it is in
 * @param step       the DSL key that names it
 * @param uri        the uri as written
 * @param parameters the {@code parameters:} beside the uri (an empty node when there are none)
 */
record Endpoint(RouteEntry entry, String step, String uri, JsonNode parameters) {

    /**
     * The component scheme; a property placeholder standing for a whole address ({@code {{hub.crm.url}}/x}) is an
     * HTTP address. {@code null} when the scheme cannot be known before the exchange runs (a {@code ${...}}
     * expression, a placeholder that is not a URL).
     */
    String scheme() {
        if (uri.startsWith("{{")) {
            int end = uri.indexOf("}}");
            String key = end < 0 ? "" : uri.substring(2, end).toLowerCase(Locale.ROOT);
            return key.endsWith("url") || key.contains("url:") || key.endsWith("uri") ? "http" : null;
        }
        int colon = uri.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String scheme = uri.substring(0, colon);
        return scheme.matches("[A-Za-z][A-Za-z0-9+.-]*") ? scheme.toLowerCase(Locale.ROOT) : null;
    }

    /** What follows the scheme, without the query: {@code direct:crm-post-payment?x=1} answers crm-post-payment. */
    String path() {
        String rest = uri.substring(uri.indexOf(':') + 1);
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    /** The uri's query options, then {@code parameters:} (which win); values as written, never decoded. */
    Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        int query = uri.indexOf('?');
        if (query >= 0) {
            for (String pair : uri.substring(query + 1).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    options.put(pair.substring(0, equals), pair.substring(equals + 1));
                } else if (!pair.isEmpty()) {
                    options.put(pair, "");
                }
            }
        }
        parameters.properties().forEach(p -> options.put(p.getKey(), p.getValue().isValueNode()
                ? p.getValue().asText() : p.getValue().toString()));
        return options;
    }
}
