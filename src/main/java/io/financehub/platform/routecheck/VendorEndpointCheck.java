package io.financehub.platform.routecheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Vendor calls happen only inside the exactly-once step. A vendor endpoint may appear only in a route that starts
 * from {@code direct:}, and such a route may be reached from YAML only as the {@code uri} of a
 * {@code kamelet:hub-side-effect} step (or not at all: the built-in vendor routes are called by the Java adapters
 * through the side-effect executor). A vendor endpoint in a route that starts from anything else (a queue, a timer,
 * HTTP intake), or a plain {@code to: direct:X} into a vendor route, calls the vendor without a claimed key.
 */
final class VendorEndpointCheck implements RouteCheck {

    /** The schemes that reach a vendor: every HTTP client component and the vendor SDK components. */
    static final Set<String> VENDOR_SCHEMES = Set.of("http", "https", "twilio", "stripe", "netty-http", "vertx-http",
            "rest-openapi", "salesforce", "servicenow", "sendgrid", "slack", "aws2-ses", "aws2-sns", "mail", "smtp",
            "smtps", "ftp", "sftp", "ftps");

    @Override
    public List<Finding> check(RouteDirectory routes) {
        List<Finding> findings = new ArrayList<>();
        Set<String> vendorRoutes = new HashSet<>();
        for (RouteEntry entry : routes.entries()) {
            List<Endpoint> calls = RouteWalker.endpoints(entry).stream()
                    .filter(e -> !e.step().equals("from") && isVendor(e)).toList();
            if (calls.isEmpty()) {
                continue;
            }
            String start = entry.startUri();
            if (start != null && start.startsWith("direct:")) {
                vendorRoutes.add(directName(start));
                continue;
            }
            for (Endpoint call : calls) {
                findings.add(entry.finding("vendor endpoint " + call.uri() + " outside the exactly-once step: the route"
                        + " starts from " + (start == null ? "no endpoint (" + entry.kind() + ")" : start)
                        + "; move the call into a direct: route and call it as the uri of kamelet:hub-side-effect"));
            }
        }
        for (Endpoint endpoint : routes.endpoints()) {
            if (!endpoint.step().equals("from") && "direct".equals(endpoint.scheme())
                    && vendorRoutes.contains(directName(endpoint.uri()))) {
                findings.add(endpoint.entry().finding(endpoint.step() + " " + endpoint.uri() + " calls a vendor route"
                        + " outside the exactly-once step; call it as the uri of kamelet:hub-side-effect"));
            }
        }
        return findings;
    }

    private static boolean isVendor(Endpoint endpoint) {
        return endpoint.scheme() != null && VENDOR_SCHEMES.contains(endpoint.scheme());
    }

    private static String directName(String uri) {
        String name = uri.substring("direct:".length());
        int query = name.indexOf('?');
        return query < 0 ? name : name.substring(0, query);
    }
}
