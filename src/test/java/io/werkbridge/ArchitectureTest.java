package io.werkbridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN §3/§9, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.werkbridge");

    @Test
    void privacyKnowsNoConnector() {
        noClasses().that().resideInAPackage("io.werkbridge.privacy..")
                .should().dependOnClassesThat().resideInAPackage("io.werkbridge.connector..")
                .check(CLASSES);
    }

    @Test
    void connectorsDoNotKnowEachOther() {
        slices().matching("io.werkbridge.connector.(*)..").should().notDependOnEachOther().check(CLASSES);
    }

    @Test
    void modelDependsOnNothingOfTheHub() {
        noClasses().that().resideInAPackage("io.werkbridge.model..")
                .should().dependOnClassesThat().resideInAnyPackage("io.werkbridge.privacy..", "io.werkbridge.connector..",
                        "io.werkbridge.messaging..", "io.werkbridge.web..", "org.springframework..", "org.apache.camel..")
                .check(CLASSES);
    }

    /** Features (privacy, messaging, machine, connector, ...) depend on each other one way only. */
    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("io.werkbridge.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** Inside privacy: policy, gate, audit, vault, camel, api, operators and text finders one way only. */
    @Test
    void privacyPackagesAreFreeOfCycles() {
        slices().matching("io.werkbridge.privacy.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** The demo's simulators are wired by the demo profile; nothing of the hub may need them. */
    @Test
    void nothingDependsOnTheDemo() {
        noClasses().that().resideOutsideOfPackage("io.werkbridge.demo..")
                .should().dependOnClassesThat().resideInAPackage("io.werkbridge.demo..")
                .check(CLASSES);
    }
}
