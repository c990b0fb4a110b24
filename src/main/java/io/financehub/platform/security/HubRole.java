package io.financehub.platform.security;

import java.util.Arrays;
import java.util.List;

/**
 * The roles of the people and systems that call the hub with HTTP Basic, each including the ones before it:
 * the Prometheus scrape reads metrics; a viewer reads the admin lists, reconciliation, timelines and hawtio; an
 * operator also replays, retries, reposts, resends and starts or stops routes; the admin may do everything the
 * hub allows anyone over HTTP.
 */
public enum HubRole {
    METRICS, VIEWER, OPERATOR, ADMIN;

    /** Spring Security's name of the role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** This role and every role it includes, as Spring Security authorities. */
    public List<String> authorities() {
        return Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).map(HubRole::authority).toList();
    }
}
