package io.financehub.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependency rule: the hub's own rules (domain, application) know no framework or vendor; vendor SDKs stay in
 * their adapter; adapters meet only through the application's ports. The fixture test shows the rules bite.
 */
@AnalyzeClasses(packages = "io.financehub", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonalArchitectureTest {

    static final String[] FORBIDDEN_IN_CORE = {"org.apache.camel..", "org.springframework..", "com.stripe..",
            "com.twilio..", "jakarta.jms..", "jakarta.servlet..", "com.fasterxml.."};

    @ArchTest
    static final ArchRule coreIsFrameworkFree = coreIsFrameworkFree("io.financehub");

    @ArchTest
    static final ArchRule domainDependsOnNothingElse = noClasses().that().resideInAPackage("io.financehub.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.financehub.application..", "io.financehub.adapter..",
                    "io.financehub.config..");

    @ArchTest
    static final ArchRule applicationDoesNotKnowAdapters = noClasses().that()
            .resideInAPackage("io.financehub.application..")
            .should().dependOnClassesThat().resideInAnyPackage("io.financehub.adapter..", "io.financehub.config..");

    @ArchTest
    static final ArchRule stripeSdkOnlyInStripeAdapter = noClasses().that()
            .resideOutsideOfPackages("io.financehub.adapter.out.stripe..", "io.financehub.config..")
            .should().dependOnClassesThat().resideInAPackage("com.stripe..");

    @ArchTest
    static final ArchRule twilioSdkOnlyInTwilioAdapter = noClasses().that()
            .resideOutsideOfPackages("io.financehub.adapter.out.twilio..", "io.financehub.config..")
            .should().dependOnClassesThat().resideInAPackage("com.twilio..");

    @ArchTest
    static final ArchRule adaptersAreIndependent = slices().matching("io.financehub.adapter.(*).(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule controllersCallUseCasesNotSdks = noClasses().that()
            .resideInAnyPackage("io.financehub.adapter.in..")
            .should().dependOnClassesThat().resideInAnyPackage("com.stripe..", "com.twilio..",
                    "io.financehub.application.service..");

    static ArchRule coreIsFrameworkFree(String basePackage) {
        return noClasses().that().resideInAnyPackage(basePackage + ".domain..", basePackage + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(FORBIDDEN_IN_CORE);
    }

    @Test
    void ruleRejectsAUseCaseThatImportsCamelOrStripe() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.financehub.architecture.fixture");

        EvaluationResult result = coreIsFrameworkFree("io.financehub.architecture.fixture").evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("org.apache.camel"))
                .anyMatch(line -> line.contains("com.stripe"));
    }
}
