package io.financehub.platform.routecheck;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Beans: every bean a route names must be one of the hub's ({@link HubBeanNames}) or declared in a {@code beans:}
 * entry beside the routes. A bean is named by {@code bean: ref:}, {@code process: ref:}, the repository of an
 * idempotent consumer or aggregator, a {@code bean:NAME} endpoint, or a {@code #bean:NAME} / {@code #NAME} value (in
 * an option or a uri's query).
 */
final class BeanCheck implements RouteCheck {

    private static final Set<String> REF_HOLDERS = Set.of("bean", "process");
    private static final Set<String> REF_KEYS = Set.of("idempotentRepository", "aggregationRepository");

    private final Set<String> hubBeans;

    BeanCheck(Set<String> hubBeans) {
        this.hubBeans = hubBeans;
    }

    @Override
    public List<Finding> check(RouteDirectory routes) {
        Set<String> known = new HashSet<>(hubBeans);
        routes.entries().stream().filter(e -> e.kind().equals("beans"))
                .forEach(e -> e.definition().forEach(bean -> known.add(bean.path("name").asText())));
        List<Finding> findings = new ArrayList<>();
        for (RouteEntry entry : routes.entries()) {
            if (entry.kind().equals("beans")) {
                continue;
            }
            List<String> references = new ArrayList<>();
            RouteWalker.walk(entry, (parent, key, value) -> references.addAll(references(parent, key, value)));
            for (Endpoint endpoint : RouteWalker.endpoints(entry)) {
                if ("bean".equals(endpoint.scheme())) {
                    references.add(endpoint.path());
                }
                endpoint.options().values().forEach(v -> addIfReference(v, references));
            }
            references.stream().filter(name -> !known.contains(name) && !name.contains("{{")).distinct()
                    .forEach(name -> findings.add(entry.finding("unknown bean " + name
                            + ": no bean of that name in the hub nor in a beans: entry beside the routes")));
        }
        return findings;
    }

    private static List<String> references(String parent, String key, JsonNode value) {
        List<String> names = new ArrayList<>();
        if (!value.isTextual()) {
            return names;
        }
        String text = value.asText();
        if ((key.equals("ref") && REF_HOLDERS.contains(parent)) || REF_KEYS.contains(key)) {
            names.add(text.startsWith("#bean:") ? text.substring(6) : text.startsWith("#") ? text.substring(1) : text);
        } else {
            addIfReference(text, names);
        }
        return names;
    }

    private static void addIfReference(String value, List<String> names) {
        if (value.startsWith("#bean:")) {
            names.add(value.substring("#bean:".length()));
        } else if (value.matches("#[A-Za-z_][A-Za-z0-9_.-]*")) {
            names.add(value.substring(1));
        }
    }
}
