package io.werkbridge.connector.serial;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The serial component runs without Spring; its codecs run without Camel or jSerialComm. */
class SerialArchitectureTest {

    private static final JavaClasses SERIAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.werkbridge.connector.serial");

    @Test
    void serialComponentHasNoSpringDependency() {
        noClasses().that().resideInAPackage("io.werkbridge.connector.serial..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(SERIAL);
    }

    @Test
    void codecsKnowNeitherCamelNorThePortLibraryNorTheComponent() {
        noClasses().that().resideInAPackage("io.werkbridge.connector.serial.codec..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "com.fazecast..",
                        "org.slf4j..")
                .orShould().dependOnClassesThat().resideInAPackage("io.werkbridge.connector.serial")
                .check(SERIAL);
    }
}
