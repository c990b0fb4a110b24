package io.financehub.platform.routecheck;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a directory of route files without starting the hub: no vendor, no HTTP, no broker, no database. Every
 * check runs on every readable file; a file that cannot be read is a finding of its own.
 */
public final class RouteValidator {

    private final SchemaCheck schema;
    private final ComponentCheck components;
    private final BeanCheck beans;

    /** Reads the schema and the hub's bean names once; one validator checks any number of directories. */
    public RouteValidator(ClassLoader classLoader) throws IOException {
        this.schema = new SchemaCheck(classLoader);
        this.components = new ComponentCheck(classLoader);
        this.beans = new BeanCheck(HubBeanNames.derive(classLoader));
    }

    /** What was checked and every finding, in check order and, within a check, file order. */
    public RouteValidation validate(Path dir) throws IOException {
        RouteDirectory routes = RouteDirectory.load(dir);
        List<RouteCheck> checks = List.of(
                schema,
                components,
                beans,
                new KameletCheck(KameletCatalog.load(routes)),
                new DuplicateRouteIdCheck(),
                new SideEffectKeyCheck(),
                new VendorEndpointCheck());
        List<Finding> findings = new ArrayList<>(routes.unreadable());
        for (RouteCheck check : checks) {
            findings.addAll(check.check(routes));
        }
        int files = routes.files().size() + routes.unreadable().size();
        return new RouteValidation(files, routes.entries().size(), findings);
    }

    /**
     * The outcome of one run.
     *
     * @param files    route files looked at (kamelet files not counted)
     * @param entries  top-level entries in the readable ones
     * @param findings every problem found
     */
    public record RouteValidation(int files, int entries, List<Finding> findings) {

        public boolean clean() {
            return findings.isEmpty();
        }

        public String summary() {
            return findings.size() + " finding(s) in " + files + " route file(s), " + entries + " entries";
        }
    }
}
