package io.financehub.platform.routecheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Route ids: Camel refuses to start a second route under an id it already has, so an id may be used once across
 * every file (routes, templated routes and route templates share one namespace; route configurations have their
 * own).
 */
final class DuplicateRouteIdCheck implements RouteCheck {

    private static final Set<String> ROUTES = Set.of("route", "templatedRoute", "routeTemplate");

    @Override
    public List<Finding> check(RouteDirectory routes) {
        List<Finding> findings = new ArrayList<>();
        Map<String, RouteEntry> first = new HashMap<>();
        for (RouteEntry entry : routes.entries()) {
            if (entry.id() == null || !(ROUTES.contains(entry.kind()) || entry.kind().equals("routeConfiguration"))) {
                continue;
            }
            String namespace = ROUTES.contains(entry.kind()) ? "route" : "routeConfiguration";
            RouteEntry earlier = first.putIfAbsent(namespace + ":" + entry.id(), entry);
            if (earlier != null) {
                findings.add(entry.finding("duplicate " + (namespace.equals("route") ? "route" : "route configuration")
                        + " id " + entry.id() + ", already used in " + earlier.file().name()));
            }
        }
        return findings;
    }
}
