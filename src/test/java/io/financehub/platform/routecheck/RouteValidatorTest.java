package io.financehub.platform.routecheck;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route validator on {@code routes/} (nothing to report) and on one fixture directory per kind of finding
 * ({@code src/test/resources/route-check/<finding>/}), each finding printed as an engineer reads it.
 */
class RouteValidatorTest {

    private static final Path FIXTURES = Path.of("src/test/resources/route-check");

    private static RouteValidator validator;

    @BeforeAll
    static void readSchemaAndBeans() throws IOException {
        validator = new RouteValidator(RouteValidatorTest.class.getClassLoader());
    }

    @Test
    void theShippedRoutesHaveNoFindings() throws IOException {
        RouteValidator.RouteValidation routes = validator.validate(Path.of("routes"));

        assertThat(routes.findings()).isEmpty();
        assertThat(routes.files()).isGreaterThanOrEqualTo(12);
        assertThat(routes.summary()).startsWith("0 finding(s) in ");
    }

    @Test
    void aFlowWithTheExactlyOnceStepAVendorRouteAndRestIntakeIsClean() throws IOException {
        assertThat(findings("clean-flow")).isEmpty();
    }

    @Test
    void typosInStepsAndOptionsAreSchemaErrors() throws IOException {
        assertThat(findings("schema-error")).containsExactly(
                "typo-steps.camel.yaml: route typo-steps: schema: $[0].route.from.steps[0]: property 'logg' is not"
                        + " defined in the schema and the schema does not allow additional properties",
                "typo-steps.camel.yaml: route typo-steps: schema: $[0].route.from.steps[1].to: property 'urix' is not"
                        + " defined in the schema and the schema does not allow additional properties",
                "typo-steps.camel.yaml: route typo-steps: schema: $[0].route.from.steps[1].to: required property"
                        + " 'uri' not found");
    }

    @Test
    void aComponentTheHubDoesNotShipIsReported() throws IOException {
        assertThat(findings("unknown-component")).containsExactly("unknown-component.camel.yaml: route"
                + " kafka-publisher: unknown component kafka in to kafka:invoices: no Camel component of that name on"
                + " the hub's classpath");
    }

    @Test
    void beanReferencesByRefAndByHashBeanMustNameHubBeans() throws IOException {
        assertThat(findings("unknown-bean")).containsExactly(
                "unknown-bean.camel.yaml: route misspelt-bean: unknown bean invoiceCommandListner: no bean of that"
                        + " name in the hub nor in a beans: entry beside the routes",
                "unknown-bean.camel.yaml: route misspelt-bean: unknown bean reportingDataSource: no bean of that"
                        + " name in the hub nor in a beans: entry beside the routes");
    }

    @Test
    void aKameletDefinedNeitherInTheHubNorBesideTheRoutesIsReported() throws IOException {
        assertThat(findings("unknown-kamelet")).containsExactly("unknown-kamelet.camel.yaml: route misspelt-kamelet:"
                + " unknown kamelet hub-side-efect: no hub-side-efect.kamelet.yaml in classpath:kamelets/ or beside"
                + " the routes");
    }

    @Test
    void aRouteIdUsedInTwoFilesIsReportedOnTheSecond() throws IOException {
        assertThat(findings("duplicate-route-id")).containsExactly("crm-sync-b.camel.yaml: route crm-sync: duplicate"
                + " route id crm-sync, already used in crm-sync-a.camel.yaml");
    }

    @Test
    void requiredKameletParametersMustBeGivenInTheQueryOrInParameters() throws IOException {
        assertThat(findings("missing-kamelet-parameter")).containsExactly(
                "missing-parameter.camel.yaml: route side-effect-without-policy: kamelet hub-side-effect is missing"
                        + " required parameter key",
                "missing-parameter.camel.yaml: route side-effect-without-policy: kamelet hub-side-effect is missing"
                        + " required parameter unknownOutcome");
    }

    @Test
    void aSideEffectKeyThatIsBlankOrTheSameForEveryExchangeIsReported() throws IOException {
        assertThat(findings("side-effect-key")).containsExactly(
                "side-effect-keys.camel.yaml: route constant-key: hub-side-effect step with the constant key"
                        + " \"crm-payment-sync\": every exchange would claim the same key, so only the first would"
                        + " call the endpoint; use an expression such as ${header.invoiceId}:<action>",
                "side-effect-keys.camel.yaml: route blank-key: hub-side-effect step with a blank key");
    }

    @Test
    void vendorCallsOutsideTheExactlyOnceStepAreReported() throws IOException {
        assertThat(findings("vendor-outside-step")).containsExactly(
                "vendor-outside-step.camel.yaml: route payments-to-crm: vendor endpoint {{hub.crm.url}}/payments"
                        + " outside the exactly-once step: the route starts from jms:queue:{{queue:invoice-commands}};"
                        + " move the call into a direct: route and call it as the uri of kamelet:hub-side-effect",
                "vendor-outside-step.camel.yaml: route nightly-crm-push: vendor endpoint"
                        + " https://crm.example.test/customers/${header.customerId} outside the exactly-once step: the"
                        + " route starts from timer:nightly-crm-push; move the call into a direct: route and call it"
                        + " as the uri of kamelet:hub-side-effect",
                "vendor-outside-step.camel.yaml: route nightly-crm-push: to direct:crm-post calls a vendor route"
                        + " outside the exactly-once step; call it as the uri of kamelet:hub-side-effect");
    }

    @Test
    void aFileThatIsNotYamlIsReportedWithWhereItBreaks() throws IOException {
        RouteValidator.RouteValidation broken = validator.validate(FIXTURES.resolve("unreadable"));

        assertThat(broken.findings()).extracting(Finding::toString).containsExactly("broken.camel.yaml: unreadable"
                + " YAML: while parsing a block mapping; expected <block end>, but found '<block mapping start>'"
                + " (line 4, column 5)");
        assertThat(broken.clean()).isFalse();
    }

    private static List<String> findings(String fixture) throws IOException {
        return validator.validate(FIXTURES.resolve(fixture)).findings().stream().map(Finding::toString).toList();
    }
}
