package io.financehub;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependency rules. Inside a capability: domain and application know no framework or vendor; vendor SDKs stay in
 * their capability's adapter. Between capabilities: one capability uses another only through its domain and
 * application, never through its adapters or its wiring, and no two capabilities depend on each other in a cycle.
 * The platform serves every capability and depends on none. The fixture tests show each kind of rule bites.
 */
@AnalyzeClasses(packages = "io.financehub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String BASE = "io.financehub";
    static final List<String> CAPABILITIES = List.of("invoice", "sideeffect", "payment", "ledger", "sms", "webhook",
            "audit", "event", "flow", "retention");

    static final String[] FORBIDDEN_IN_CORE = {"org.apache.camel..", "org.springframework..", "com.stripe..",
            "com.twilio..", "jakarta.jms..", "jakarta.servlet..", "com.fasterxml..", "org.apache.activemq.."};

    @ArchTest
    static final ArchRule coreIsFrameworkFree = coreIsFrameworkFree(BASE);

    @ArchTest
    static final ArchRule domainKnowsNoApplicationOrAdapter = noClasses().that().resideInAPackage(BASE + ".*.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".*.application..", BASE + ".*.adapter..",
                    BASE + ".*");

    @ArchTest
    static final ArchRule applicationKnowsNoAdapterOrWiring = noClasses().that()
            .resideInAPackage(BASE + ".*.application..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".*.adapter..", BASE + ".*");

    @ArchTest
    static final ArchRule stripeSdkOnlyInPaymentAdapter = noClasses().that()
            .resideOutsideOfPackages(BASE + ".payment.adapter..")
            .should().dependOnClassesThat().resideInAPackage("com.stripe..");

    @ArchTest
    static final ArchRule twilioSdkOnlyInSmsAdapter = noClasses().that()
            .resideOutsideOfPackages(BASE + ".sms.adapter..")
            .should().dependOnClassesThat().resideInAPackage("com.twilio..");

    @ArchTest
    static final ArchRule capabilitiesMeetThroughTheirApplication = capabilitiesMeetThroughTheirApplication(BASE,
            CAPABILITIES);

    @ArchTest
    static final ArchRule capabilitiesAreFreeOfCycles = capabilitiesAreFreeOfCycles(BASE);

    @ArchTest
    static final ArchRule platformDependsOnNoCapability = noClasses().that().resideInAPackage(BASE + ".platform..")
            .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES.stream().map(c -> BASE + "." + c + "..")
                    .toArray(String[]::new));

    static ArchRule coreIsFrameworkFree(String base) {
        return noClasses().that().resideInAnyPackage(base + ".*.domain..", base + ".*.application..")
                .should().dependOnClassesThat().resideInAnyPackage(FORBIDDEN_IN_CORE);
    }

    /** Another capability's adapters and its wiring (the classes at its top level) are its own business. */
    static ArchRule capabilitiesMeetThroughTheirApplication(String base, List<String> capabilities) {
        return CompositeArchRule.of(capabilities.stream().map(c -> noClasses().that()
                .resideOutsideOfPackage(base + "." + c + "..")
                .should().dependOnClassesThat().resideInAnyPackage(base + "." + c + ".adapter..", base + "." + c)
                .as("only " + c + " itself uses " + c + "'s adapters and wiring")).toList());
    }

    static ArchRule capabilitiesAreFreeOfCycles(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void theCoreRuleRejectsAUseCaseThatImportsCamelOrStripe() {
        EvaluationResult result = coreIsFrameworkFree(FIXTURE).evaluate(fixture());

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("org.apache.camel"))
                .anyMatch(line -> line.contains("com.stripe"));
    }

    @Test
    void theBoundaryRuleRejectsAUseCaseThatCallsAnotherCapabilitysAdapter() {
        EvaluationResult result = capabilitiesMeetThroughTheirApplication(FIXTURE, List.of("invoice", "ledger"))
                .evaluate(fixture());

        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("InvoiceTotals") && line.contains("CsvLedgerExport"))
                .noneMatch(line -> line.contains("<" + FIXTURE + ".ledger.adapter.CsvLedgerExport>")
                        && line.contains("LedgerBalance>"));
    }

    @Test
    void theCycleRuleRejectsTwoCapabilitiesThatDependOnEachOther() {
        EvaluationResult result = capabilitiesAreFreeOfCycles(FIXTURE).evaluate(fixture());

        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains("invoice", "ledger");
    }

    @Test
    void everyCapabilityInTheTreeIsCheckedByTheBoundaryRule() {
        JavaClasses hub = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(BASE);
        List<String> topLevel = hub.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith(BASE + ".") && !p.startsWith(BASE + ".platform"))
                .map(p -> p.substring(BASE.length() + 1).split("\\.")[0]).distinct().sorted().toList();

        assertThat(topLevel).containsExactlyInAnyOrderElementsOf(CAPABILITIES);
        assertThat(Arrays.asList(FORBIDDEN_IN_CORE)).contains("org.apache.camel..", "com.stripe..");
    }

    /** The tree in docs/architecture.md is the picture of the system: it names every class, each under its package. */
    @Test
    void theArchitectureDocumentShowsEveryClass() throws IOException {
        String doc = Files.readString(Path.of("docs/architecture.md"));
        JavaClasses hub = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(BASE);

        assertThat(hub.stream().filter(c -> c.isTopLevelClass() && !c.getSimpleName().equals("package-info"))
                .map(c -> c.getSimpleName()).filter(name -> !doc.matches("(?s).*\\b" + name + "\\b.*")).sorted()
                .toList()).as("classes missing from the tree in docs/architecture.md").isEmpty();
    }

    private static final String FIXTURE = BASE + ".fixture";

    private static JavaClasses fixture() {
        return new ClassFileImporter().importPackages(FIXTURE);
    }
}
