package io.financehub.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.platform.config.HubProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.util.HashMap;

/**
 * HTTP entry routes ({@code from: platform-http:...} and the REST DSL) served by Spring MVC on the hub's port, with
 * {@link RawHttpEngine} in place of the starter's engine (which it skips when one exists).
 */
@Configuration
public class HttpRoutesConfiguration {

    @Bean
    HttpAnswers httpAnswers(ObjectMapper json) {
        return new HttpAnswers(json);
    }

    /** The name platform-http looks its engine up by. */
    @Bean(name = "platform-http-engine")
    RawHttpEngine platformHttpEngine(@Value("${server.port:8080}") int port, HttpAnswers answers) {
        return new RawHttpEngine(port, answers);
    }

    /**
     * The OpenAPI document ({@code /api/openapi.json}) names {@code HUB_PUBLIC_BASE_URL} as its server, the address
     * callers use, instead of the address the hub binds to ({@code 0.0.0.0}).
     */
    @Bean
    CamelContextConfiguration openApiServer(HubProperties hub) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                URI publicUrl = URI.create(hub.publicBaseUrl().trim());
                RestConfiguration rest = camel.getRestConfiguration();
                var properties = rest.getApiProperties() == null ? new HashMap<String, Object>()
                        : new HashMap<>(rest.getApiProperties());
                properties.put("schemes", publicUrl.getScheme());
                properties.put("host", publicUrl.getRawAuthority());
                rest.setApiProperties(properties);
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }
}
