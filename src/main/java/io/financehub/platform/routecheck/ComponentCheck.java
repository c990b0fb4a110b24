package io.financehub.platform.routecheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Components: the scheme of every endpoint must be a Camel component on the hub's classpath. Camel finds a
 * component by the file {@code META-INF/services/org/apache/camel/component/<scheme>} its jar ships, so that is
 * what is looked up: no Camel context is needed.
 */
final class ComponentCheck implements RouteCheck {

    static final String COMPONENT_DESCRIPTORS = "META-INF/services/org/apache/camel/component/";

    private final ClassLoader classLoader;

    ComponentCheck(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public List<Finding> check(RouteDirectory routes) {
        List<Finding> findings = new ArrayList<>();
        for (Endpoint endpoint : routes.endpoints()) {
            String scheme = endpoint.scheme();
            if (scheme != null && !exists(scheme)) {
                findings.add(endpoint.entry().finding("unknown component " + scheme + " in " + endpoint.step() + " "
                        + endpoint.uri() + ": no Camel component of that name on the hub's classpath"));
            }
        }
        return findings;
    }

    boolean exists(String scheme) {
        return classLoader.getResource(COMPONENT_DESCRIPTORS + scheme) != null;
    }
}
