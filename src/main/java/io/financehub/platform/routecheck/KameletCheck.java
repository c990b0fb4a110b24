package io.financehub.platform.routecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kamelets: every {@code kamelet:NAME} must be defined (packaged with the hub or beside the routes), and every
 * parameter its definition requires must be given, in the uri's query or in {@code parameters:}.
 */
final class KameletCheck implements RouteCheck {

    /** What a kamelet's own template uses to name its ends; never a kamelet of its own. */
    private static final Set<String> TEMPLATE_ENDS = Set.of("source", "sink");

    private final KameletCatalog catalog;

    KameletCheck(KameletCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<Finding> check(RouteDirectory routes) {
        List<Finding> findings = new ArrayList<>();
        for (Endpoint endpoint : routes.endpoints()) {
            if (!"kamelet".equals(endpoint.scheme())) {
                continue;
            }
            String name = KameletCatalog.kameletName(endpoint);
            if (TEMPLATE_ENDS.contains(name) || name.contains("{{") || name.contains("${")) {
                continue;
            }
            if (!catalog.contains(name)) {
                findings.add(endpoint.entry().finding("unknown kamelet " + name + ": no " + name
                        + RouteDirectory.KAMELET_SUFFIX + " in classpath:kamelets/ or beside the routes"));
                continue;
            }
            Map<String, String> options = endpoint.options();
            for (String parameter : catalog.required(name)) {
                if (!options.containsKey(parameter)) {
                    findings.add(endpoint.entry().finding("kamelet " + name + " is missing required parameter "
                            + parameter));
                }
            }
        }
        return findings;
    }
}
