package io.financehub.support;

import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The vendor routes of {@code routes/} in a plain Camel context, for the adapters' unit tests: the adapter sends to
 * the route's {@code direct:} endpoint exactly as in the hub, and the route reads the settings a test gives as
 * {@code {{hub.*}}} properties (each context its own: one test may point a second context at a closed port).
 */
public final class VendorRoutes {

    private VendorRoutes() {
    }

    /**
     * Adds the routes of {@code routes/<file>.camel.yaml} for each file to {@code camel} with {@code properties}; in
     * a started context they start at once (a component the routes use must be configured before). Their route
     * configuration, {@code vendor-calls}, comes along.
     */
    public static void add(CamelContext camel, Map<String, String> properties, String... files) {
        properties.forEach((key, value) -> camel.getPropertiesComponent().addInitialProperty(key, value));
        List<String> all = new ArrayList<>();
        if (((org.apache.camel.model.ModelCamelContext) camel).getRouteConfigurationDefinitions().stream()
                .noneMatch(c -> "hub-vendor-calls".equals(c.getId()))) {
            all.add("vendor-calls");
        }
        all.addAll(List.of(files));
        for (String file : all) {
            try {
                PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveMandatoryResource(camel,
                        "file:routes/" + file + ".camel.yaml"));
            } catch (Exception e) {
                throw new IllegalStateException("cannot load routes/" + file + ".camel.yaml", e);
            }
        }
    }
}
