package io.financehub.platform.routecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The exactly-once step ({@code kamelet:hub-side-effect}) claims its key once, ever: a blank key, or one without a
 * {@code ${...}} expression (the same key for every exchange, so only the first exchange would ever call the
 * vendor), is a finding. A missing key is the kamelet check's missing required parameter.
 */
final class SideEffectKeyCheck implements RouteCheck {

    static final String SIDE_EFFECT_KAMELET = "hub-side-effect";

    @Override
    public List<Finding> check(RouteDirectory routes) {
        List<Finding> findings = new ArrayList<>();
        for (Endpoint endpoint : routes.endpoints()) {
            if (!isSideEffectStep(endpoint)) {
                continue;
            }
            Map<String, String> options = endpoint.options();
            if (!options.containsKey("key")) {
                continue;
            }
            String key = options.get("key");
            if (key.isBlank()) {
                findings.add(endpoint.entry().finding(SIDE_EFFECT_KAMELET + " step with a blank key"));
            } else if (!key.contains("${") && !key.contains("$simple{")) {
                findings.add(endpoint.entry().finding(SIDE_EFFECT_KAMELET + " step with the constant key \"" + key
                        + "\": every exchange would claim the same key, so only the first would call the endpoint;"
                        + " use an expression such as ${header.invoiceId}:<action>"));
            }
        }
        return findings;
    }

    static boolean isSideEffectStep(Endpoint endpoint) {
        return "kamelet".equals(endpoint.scheme()) && KameletCatalog.kameletName(endpoint).equals(SIDE_EFFECT_KAMELET);
    }
}
