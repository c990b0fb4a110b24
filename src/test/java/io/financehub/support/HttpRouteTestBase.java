package io.financehub.support;

import io.financehub.platform.config.HubProperties;
import io.financehub.platform.web.HttpRoutesConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.platform.http.springboot.PlatformHttpComponentAutoConfiguration;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpAutoConfiguration;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformWebMvcConfiguration;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Base of the HTTP entry route tests: the route files a test names, served by Spring MVC and platform-http on a
 * random port through the hub's own raw-body engine, with the beans the routes call mocked by the test — no
 * database, no broker, no security chain (the ITs cover authentication), started in seconds.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HttpRouteTestBase.HttpRouteContext.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camel.springboot.main-run-controller=false")
public abstract class HttpRouteTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    protected CamelContext camel;

    @LocalServerPort
    int port;

    protected HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Matches once one exchange ran through route {@code routeId}. */
    protected NotifyBuilder oneExchangeThrough(String routeId) {
        return new NotifyBuilder(camel).fromRoute(routeId).whenDone(1).create();
    }

    /** Deliberately no {@code @Configuration}: see {@link RouteTestBase.RouteContext}. */
    @ImportAutoConfiguration({CamelAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, PlatformHttpComponentAutoConfiguration.class,
            SpringBootPlatformHttpAutoConfiguration.class, SpringBootPlatformWebMvcConfiguration.class})
    @Import(HttpRoutesConfiguration.class)
    @EnableConfigurationProperties(HubProperties.class)
    public static class HttpRouteContext {
    }
}
