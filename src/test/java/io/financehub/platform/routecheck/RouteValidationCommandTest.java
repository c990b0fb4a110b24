package io.financehub.platform.routecheck;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --validate-routes DIR}: findings one per line, a summary, and the exit code CI acts on. */
class RouteValidationCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aCleanDirectoryPrintsOnlyTheSummaryAndExitsZero() {
        int exit = run("--validate-routes", "src/test/resources/route-check/clean-flow");

        assertThat(exit).isZero();
        assertThat(out()).isEqualTo("0 finding(s) in 4 route file(s), 4 entries\n");
    }

    @Test
    void findingsArePrintedOnePerLineWithFileAndRouteThenTheSummaryAndTheExitIsOne() {
        int exit = run("--validate-routes", "src/test/resources/route-check/duplicate-route-id");

        assertThat(exit).isEqualTo(1);
        assertThat(out()).isEqualTo("crm-sync-b.camel.yaml: route crm-sync: duplicate route id crm-sync, already used"
                + " in crm-sync-a.camel.yaml\n1 finding(s) in 2 route file(s), 2 entries\n");
    }

    @Test
    void aMissingDirectoryOrMissingArgumentCannotRun() {
        assertThat(run("--validate-routes", "no-such-dir")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no-such-dir: not a directory");
        assertThat(run("--validate-routes")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar <hub jar> --validate-routes DIR");
    }

    @Test
    void onlyTheOptionAsFirstArgumentAsksForValidation() {
        assertThat(RouteValidationCommand.requested(new String[] {"--validate-routes", "routes"})).isTrue();
        assertThat(RouteValidationCommand.requested(new String[] {"--server.port=9090"})).isFalse();
        assertThat(RouteValidationCommand.requested(new String[0])).isFalse();
    }

    private int run(String... args) {
        return RouteValidationCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
