package io.financehub.platform;

import io.financehub.support.HubIntegrationBase;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** In the {@code dev} profile, a route file added or edited in {@code HUB_ROUTES_DIR} is live without a restart. */
@ActiveProfiles({"test", "dev"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RouteReloadIT extends HubIntegrationBase {

    private static Path routesDir;

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @DynamicPropertySource
    static void copyOfTheRoutes(DynamicPropertyRegistry registry) {
        try {
            routesDir = Files.createTempDirectory("hub-routes-");
            try (Stream<Path> files = Files.list(Path.of("routes"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, routesDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("hub.routes-dir", routesDir::toString);
    }

    @Test
    void aNewAndThenEditedRouteFileIsPickedUp() throws IOException {
        assertThat(camel.getRoute("payments-worker")).isNotNull();
        Path file = routesDir.resolve("echo.yaml");

        Files.writeString(file, route("first"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(camel.getRoute("engineer-echo")).isNotNull();
            assertThat(producer.requestBody("direct:engineer-echo", "x", String.class)).isEqualTo("first");
        });

        Files.writeString(file, route("second"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(producer.requestBody("direct:engineer-echo", "x", String.class)).isEqualTo("second"));
    }

    private static String route(String answer) {
        return "# Test flow added by an integration engineer.\n- route:\n    id: engineer-echo\n    from:\n"
                + "      uri: direct:engineer-echo\n      steps:\n        - setBody:\n            constant: " + answer + "\n";
    }
}
