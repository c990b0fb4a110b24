package io.financehub.support;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.spi.InterceptSendToEndpoint;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.apache.camel.util.function.ThrowingConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Base of the route tests: the YAML route files a test names, in a Camel context of their own with nothing of the hub
 * but the beans the test mocks — no database, no broker, started in seconds. {@code jms:} is a mock component, so
 * every queue a route sends to is a {@code MockEndpoint} ({@code mock://queue:<address>}); a route's queue consumer
 * is replaced by {@code direct:<route id>} before the context starts. The shared error handling
 * ({@code error-handling.yaml}) and the exchange audit's entry point ({@code direct:record-exchange}, here
 * {@code mock:record-exchange}) are always there.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = RouteTestBase.RouteContext.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "camel.springboot.main-run-controller=false")
public abstract class RouteTestBase {

    @Autowired
    protected CamelContext camel;

    @Autowired
    protected ProducerTemplate producer;

    private static final Map<String, String> definedConsumers = new HashMap<>();

    /** The routes under test and how each is advised; consumers are replaced by {@code direct:<route id>}. */
    protected abstract Map<String, ThrowingConsumer<AdviceWithRouteBuilder, Exception>> advice();

    @BeforeEach
    void adviseAndStartOnce() throws Exception {
        if (camel.isStarted()) {
            MockEndpoint.resetMocks(camel);
            return;
        }
        for (Map.Entry<String, ThrowingConsumer<AdviceWithRouteBuilder, Exception>> route : advice().entrySet()) {
            definedConsumers.put(route.getKey(), resolvedConsumer(route.getKey()));
            AdviceWith.adviceWith(camel, route.getKey(), a -> {
                a.replaceFromWith("direct:" + route.getKey());
                route.getValue().accept(a);
            });
        }
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:record-exchange").routeId("test-exchange-audit").to("mock:record-exchange");
            }
        });
        camel.start();
    }

    /**
     * The consumer URI a route file gave a route, placeholders resolved as at the route's start (a templated route's
     * with its template parameters), read before the consumer was replaced.
     */
    protected String definedConsumer(String routeId) {
        return definedConsumers.get(routeId);
    }

    private String resolvedConsumer(String routeId) {
        RouteDefinition route = ((ModelCamelContext) camel).getRouteDefinition(routeId);
        Properties parameters = new Properties();
        if (route.getTemplateParameters() != null) {
            parameters.putAll(route.getTemplateParameters());
        }
        PropertiesComponent properties = camel.getPropertiesComponent();
        properties.setLocalProperties(parameters);
        try {
            return camel.resolvePropertyPlaceholders(route.getInput().getEndpointUri());
        } finally {
            properties.setLocalProperties(null);
        }
    }

    protected MockEndpoint mock(String uri) {
        return camel.getEndpoint(uri, MockEndpoint.class);
    }

    /**
     * The one endpoint of {@code type} whose URI contains {@code uriPart}: a vendor endpoint as the route file
     * configured it (placeholders resolved), or the mock that {@code mockEndpointsAndSkip} put in front of it.
     */
    protected <T extends Endpoint> T endpoint(Class<T> type, String uriPart) {
        List<T> found = camel.getEndpoints().stream()
                .map(e -> e instanceof InterceptSendToEndpoint intercepted ? intercepted.getOriginalEndpoint() : e)
                .distinct().filter(type::isInstance).map(type::cast)
                .filter(e -> e.getEndpointUri().contains(uriPart)).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + type.getSimpleName() + " with " + uriPart + " in its URI, "
                    + "found " + found.stream().map(Endpoint::getEndpointUri).toList());
        }
        return found.get(0);
    }

    /**
     * Deliberately no {@code @Configuration}: the hub's own component scan reaches this package and must never pick
     * it up (its mock {@code jms} would replace the real one in every IT); named in {@code @SpringBootTest} it is
     * processed all the same.
     */
    @ImportAutoConfiguration(CamelAutoConfiguration.class)
    public static class RouteContext {

        /** Every {@code jms:queue:<address>} the routes send to becomes {@code mock://queue:<address>}. */
        @Bean("jms")
        MockComponent jms() {
            return new MockComponent();
        }
    }
}
