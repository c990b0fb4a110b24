package io.financehub.support;

import org.apache.camel.CamelContext;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Set;

/**
 * A route's statistics as hawtio reads them: the {@code ExchangesTotal} of its MBean
 * ({@code org.apache.camel:context=<context>,type=routes,name="<id>"}) on the platform MBean server, which Jolokia serves.
 */
public final class RouteStatistics {

    private RouteStatistics() {
    }

    /** @param camel the test's own hub (a test JVM may hold several, each with its MBeans) */
    public static long exchangesTotal(CamelContext camel, String routeId) {
        try {
            MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> names = jmx.queryNames(new ObjectName("org.apache.camel:context="
                    + camel.getManagementName() + ",type=routes,name=\"" + routeId + "\",*"), null);
            if (names.size() != 1) {
                throw new IllegalStateException("expected one route MBean for " + routeId + ", found " + names);
            }
            return ((Number) jmx.getAttribute(names.iterator().next(), "ExchangesTotal")).longValue();
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("cannot read the statistics of route " + routeId, e);
        }
    }
}
