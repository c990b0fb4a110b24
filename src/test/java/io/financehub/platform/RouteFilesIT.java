package io.financehub.platform;

import io.financehub.support.HubIntegrationBase;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Integration engineers edit {@code routes/}: every file there must parse, name its routes explicitly in
 * kebab-case, say what it is for, and start against the hub's real beans and components. Flows that are off until
 * configured (a {@code precondition:} on their URL) are switched on here, so their routes are checked too; no event
 * is published, so they never call out.
 */
@TestPropertySource(properties = "hub.crm.url=http://127.0.0.1:9/crm/payments")
class RouteFilesIT extends HubIntegrationBase {

    private static final Path ROUTES = Path.of("routes");

    @Autowired
    CamelContext camel;

    /** hawtio and JMX show route ids: none may be one Camel made up ({@code route1}) for a route nobody named. */
    @Test
    void everyRouteTheHubRunsHasAKebabCaseIdOfItsOwn() {
        assertThat(camel.getRoutes()).isNotEmpty().allSatisfy(route -> assertThat(route.getRouteId())
                .as("id of the route from %s", route.getEndpoint().getEndpointUri())
                .matches("[a-z0-9]+(-[a-z0-9]+)*").doesNotMatch("route[0-9]+"));
    }

    @Test
    void everyRouteInEveryFileIsLoadedAndStarted() throws IOException {
        List<Path> files = routeFiles();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            List<String> ids = declaredRouteIds(file);
            if (!definesOnlyTemplatesOrConfiguration(file)) {
                assertThat(ids).as("%s declares routes with explicit ids", file).isNotEmpty().doesNotContainNull();
            }
            for (String id : ids) {
                assertThat(id).as("route id in %s", file).matches("[a-z0-9]+(-[a-z0-9]+)*");
                assertThat(camel.getRoute(id)).as("route %s from %s is loaded", id, file).isNotNull();
                assertThat(camel.getRouteController().getRouteStatus(id)).as("route %s is started", id)
                        .isEqualTo(ServiceStatus.Started);
            }
        }
    }

    @Test
    void everyRouteSaysWhatItIsForInADescriptionTheToolsShowAndKeep() throws IOException {
        for (Path file : routeFiles()) {
            assertThat(file.getFileName().toString()).as("Kaoto's default file pattern").endsWith(".camel.yaml");
            for (Map<?, ?> entry : entries(file)) {
                for (Object definition : entry.values()) {
                    assertThat(((Map<?, ?>) definition).get("description")).as("description in %s", file)
                            .asString().hasSizeGreaterThan(20);
                }
            }
            assertThat(Files.readAllLines(file)).as("%s: comments are lost when Kaoto saves", file)
                    .noneMatch(line -> line.stripLeading().startsWith("#"));
        }
        for (String id : List.of("payments-worker", "invoice-commands", "hub-error-handling")) {
            if (camel.getRoute(id) != null) {
                assertThat(camel.getRoute(id).getDescription()).as("hawtio shows the description of %s", id)
                        .isNotBlank();
            }
        }
    }

    @Test
    void errorHandlingIsSharedByTheRoutesThatConsumeQueues() {
        assertThat(camel.getRoute("invoice-commands").getConfigurationId()).isEqualTo("hub-error-handling");
        assertThat(camel.getRoute("payments-worker").getConfigurationId()).isEqualTo("hub-error-handling");
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing-bean.yaml", "unknown-component.yaml", "broken-syntax.camel.yaml"})
    void aBrokenRouteFileIsRefused(String fixture) {
        Resource resource = ResourceHelper.resolveResource(camel, "classpath:route-fixtures/" + fixture);

        assertThatThrownBy(() -> PluginHelper.getRoutesLoader(camel).loadRoutes(resource))
                .isInstanceOf(Exception.class);
        assertThat(camel.getRoutes()).noneMatch(r -> r.getRouteId().startsWith("fixture-")
                && camel.getRouteController().getRouteStatus(r.getRouteId()) == ServiceStatus.Started);
    }

    static List<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Files.list(ROUTES)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** Ids of the routes a file creates: {@code route.id} and {@code templatedRoute.routeId}. */
    static List<String> declaredRouteIds(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        for (Map<?, ?> entry : entries(file)) {
            if (entry.get("route") instanceof Map<?, ?> route) {
                ids.add((String) route.get("id"));
            }
            if (entry.get("templatedRoute") instanceof Map<?, ?> templated) {
                ids.add((String) templated.get("routeId"));
            }
        }
        return ids;
    }

    private static boolean definesOnlyTemplatesOrConfiguration(Path file) throws IOException {
        return entries(file).stream().allMatch(e -> e.containsKey("routeTemplate") || e.containsKey("routeConfiguration"));
    }

    private static List<Map<?, ?>> entries(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }
}
