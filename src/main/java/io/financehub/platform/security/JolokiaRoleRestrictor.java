package io.financehub.platform.security;

import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import javax.management.ObjectName;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each {@link HubRole} may do through {@code /actuator/jolokia} (and so through hawtio). Jolokia parses every
 * request syntax itself (GET path, single POST, bulk POST) and asks this restrictor about each MBean, attribute and
 * operation it is about to touch, so no request form slips past. Spring Security has already authenticated the
 * request on the same thread; its role decides:
 * <ul>
 *   <li>nobody: heap dumps, VM options, diagnostic commands and flight recordings (a heap dump holds the vendors'
 *   secrets; these would write files anywhere the process may), nor any write or operation on an ObjectName
 *   pattern, which could name those MBeans indirectly;</li>
 *   <li>viewer: reads, searches and lists, and the read-only operations ({@code get…}, {@code dump…}, {@code list…},
 *   …) of Camel, Artemis and hawtio that hawtio's screens call;</li>
 *   <li>operator: also every write and operation in {@code org.apache.camel} and {@code org.apache.activemq.artemis}
 *   (route start and stop, queue management);</li>
 *   <li>admin: also writes and operations in every other domain.</li>
 * </ul>
 * Jolokia creates it by class name ({@code management.endpoint.jolokia.config.restrictorClass}).
 */
public class JolokiaRoleRestrictor implements Restrictor {

    private static final Set<String> OPERABLE_DOMAINS = Set.of("org.apache.camel", "org.apache.activemq.artemis");
    private static final Set<String> VIEWABLE_DOMAINS = Set.of("org.apache.camel", "org.apache.activemq.artemis",
            "hawtio");
    private static final Pattern READ_ONLY_OPERATION =
            Pattern.compile("(get|is|has|can|dump|list|count|browse|find|explain|query)([A-Z(].*)?");

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return true;
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        HubRole role = currentRole();
        if (role == null) {
            return false;
        }
        return switch (type) {
            // for EXEC and WRITE each touched MBean is checked below
            case READ, LIST, SEARCH, VERSION, EXEC, WRITE -> true;
            // listener registrations live in the agent's memory for as long as the client polls
            default -> role == HubRole.ADMIN;
        };
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        return currentRole() != null;
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        HubRole role = currentRole();
        if (role == null || neverOverHttp(name)) {
            return false;
        }
        return role == HubRole.ADMIN || role == HubRole.OPERATOR && OPERABLE_DOMAINS.contains(name.getDomain());
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        HubRole role = currentRole();
        if (role == null || neverOverHttp(name)) {
            return false;
        }
        if (role == HubRole.ADMIN || role == HubRole.OPERATOR && OPERABLE_DOMAINS.contains(name.getDomain())) {
            return true;
        }
        return VIEWABLE_DOMAINS.contains(name.getDomain()) && READ_ONLY_OPERATION.matcher(baseName(operation)).matches();
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        // who may connect is Spring Security's decision, made before the request reaches Jolokia
        return true;
    }

    @Override
    public boolean isOriginAllowed(String origin, boolean onlyWhenStrictCheckingIsEnabled) {
        return true;
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return false;
    }

    static boolean neverOverHttp(ObjectName name) {
        if (name.isPattern()) {
            return true;
        }
        String domain = name.getDomain();
        String type = name.getKeyProperty("type");
        return "com.sun.management".equals(domain)
                && ("HotSpotDiagnostic".equals(type) || "DiagnosticCommand".equals(type))
                || domain.startsWith("jdk.management.jfr")
                || "JMImplementation".equals(domain);
    }

    /** {@code dumpHeap(java.lang.String,boolean)} and {@code dumpHeap} are the same operation. */
    private static String baseName(String operation) {
        int paren = operation.indexOf('(');
        return (paren < 0 ? operation : operation.substring(0, paren)).trim();
    }

    /** The highest role of the request's authentication; null when there is none. */
    static HubRole currentRole() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        HubRole highest = null;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (HubRole role : HubRole.values()) {
                if (role.authority().equals(authority.getAuthority()) && (highest == null
                        || role.ordinal() > highest.ordinal())) {
                    highest = role;
                }
            }
        }
        // the scrape credential reads metrics, not MBeans (Spring Security keeps it out already)
        return highest == HubRole.METRICS ? null : highest;
    }
}
