package io.financehub.platform.routecheck;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What CI and an engineer run before deploying: the packaged jar ({@code target/finance-integration-hub-*.jar},
 * built by the package phase before failsafe runs) as a process of its own, {@code --validate-routes DIR}.
 */
class RouteValidatorJarIT {

    private static Path jar;

    @BeforeAll
    static void findThePackagedJar() throws IOException {
        // failsafe runs every IT once per database; the validator touches none, so once is enough
        assumeTrue("h2".equals(System.getProperty("hub.it.database", "h2")), "the validator uses no database");
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("finance-integration-hub-.*\\.jar"))
                    .toList();
            assertThat(jars).as("the jar the package phase built").hasSize(1);
            jar = jars.get(0);
        }
    }

    @Test
    void theShippedRoutesPassAndExitZeroWithoutStartingTheHub() throws Exception {
        Result result = validate("routes");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.lines()).last().asString().startsWith("0 finding(s) in ");
        assertThat(result.output()).doesNotContain("Tomcat", "Artemis", "HikariPool", "Started HubApplication");
    }

    @Test
    void aBrokenDirectoryNamesFileAndRouteAndExitsNonZero() throws Exception {
        Result result = validate("src/test/resources/route-check/vendor-outside-step");

        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.lines()).anyMatch(line -> line.startsWith(
                "vendor-outside-step.camel.yaml: route payments-to-crm: vendor endpoint {{hub.crm.url}}/payments"));
        assertThat(result.lines()).anyMatch(line -> line.startsWith(
                "vendor-outside-step.camel.yaml: route nightly-crm-push: to direct:crm-post calls a vendor route"));
        assertThat(result.lines()).last().asString().startsWith("3 finding(s) in 1 route file(s)");
    }

    private static Result validate(String dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--validate-routes", dir)
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the validator finished").isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {
        List<String> lines() {
            return output.lines().filter(line -> !line.isBlank()).toList();
        }
    }
}
