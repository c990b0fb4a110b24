package io.financehub.support;

import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

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
     * a started context they start at once (a component the routes use must be configured before).
     */
    public static void add(CamelContext camel, Map<String, String> properties, String... files) {
        properties.forEach((key, value) -> camel.getPropertiesComponent().addInitialProperty(key, value));
        for (String file : files) {
            try {
                PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveMandatoryResource(camel,
                        "file:routes/" + file + ".camel.yaml"));
            } catch (Exception e) {
                throw new IllegalStateException("cannot load routes/" + file + ".camel.yaml", e);
            }
        }
    }
}
