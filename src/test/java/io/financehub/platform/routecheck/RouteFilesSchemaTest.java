package io.financehub.platform.routecheck;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code routes/*.camel.yaml} is valid against the Camel YAML DSL JSON schema that camel-yaml-dsl ships
 * ({@code schema/camelYamlDsl.json}), the one Kaoto and the VS Code extension use: what they open, they can draw.
 */
class RouteFilesSchemaTest {

    private static final Path ROUTES = Path.of("routes");

    @Test
    void everyRouteFileIsValidAgainstTheCamelYamlDslSchema() throws IOException {
        SchemaCheck schema = new SchemaCheck(getClass().getClassLoader());
        RouteDirectory routes = RouteDirectory.load(ROUTES);

        assertThat(routes.unreadable()).isEmpty();
        assertThat(routes.files()).extracting(RouteFile::name).containsExactlyElementsOf(camelYamlFiles());
        assertThat(schema.check(routes)).isEmpty();
    }

    @Test
    void theSchemaRefusesATypoInAStepAndInAnOption() throws IOException {
        SchemaCheck schema = new SchemaCheck(getClass().getClassLoader());
        Path dir = Files.createTempDirectory("schema-typo");
        Files.writeString(dir.resolve("typo.camel.yaml"), """
                - route:
                    id: typo
                    from:
                      uri: direct:typo
                      steps:
                        - logg:
                            message: hi
                        - to:
                            urix: direct:elsewhere
                """);

        List<Finding> findings = schema.check(RouteDirectory.load(dir));

        assertThat(findings).extracting(Finding::message).anyMatch(m -> m.contains("'logg' is not defined"))
                .anyMatch(m -> m.contains("'urix' is not defined"));
        assertThat(findings).extracting(Finding::routeId).containsOnly("typo");
    }

    private static List<String> camelYamlFiles() throws IOException {
        try (Stream<Path> files = Files.list(ROUTES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".camel.yaml")).sorted().toList();
        }
    }
}
