package io.financehub.platform.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Makes the servlet container's own refusals (which never reach Spring) answer with the hub's JSON error too,
 * by putting {@link JsonErrorReportValve} where Tomcat's HTML error valve was.
 */
@Configuration
public class ContainerErrorConfiguration {

    @Bean
    JsonContainerErrors jsonContainerErrors() {
        return new JsonContainerErrors();
    }

    /** Ordered last: Spring Boot's own Tomcat customizer (order 0) adds the HTML valve this one replaces. */
    static final class JsonContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
            Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
