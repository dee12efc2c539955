package io.lendpoint.standalone;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps the module and package boundaries of docs/architecture.md honest. */
class ArchitectureTest {

    private static JavaClasses lendpoint;

    @BeforeAll
    static void importClasses() {
        lendpoint = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.lendpoint");
    }

    @Test
    @DisplayName("shared-api depends on no Spring, persistence, web or other Lendpoint module")
    void sharedApiIsPure() {
        noClasses().that().resideInAPackage("io.lendpoint.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "jakarta.servlet..", "com.mongodb..", "org.bson..", "org.hsqldb..", "java.sql..",
                        "io.lendpoint.platform..", "io.lendpoint.command..", "io.lendpoint.query..",
                        "io.lendpoint.standalone..")
                .check(lendpoint);
    }

    @Test
    @DisplayName("command side and query side never import each other; platform imports neither")
    void sidesAreSeparate() {
        noClasses().that().resideInAPackage("io.lendpoint.command..")
                .should().dependOnClassesThat().resideInAPackage("io.lendpoint.query..").check(lendpoint);
        noClasses().that().resideInAPackage("io.lendpoint.query..")
                .should().dependOnClassesThat().resideInAPackage("io.lendpoint.command..").check(lendpoint);
        noClasses().that().resideInAPackage("io.lendpoint.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lendpoint.command..", "io.lendpoint.query..",
                        "io.lendpoint.standalone..")
                .check(lendpoint);
    }

    @Test
    @DisplayName("feature internals are package-private (public: the distributed-mode applications and side-wide support in each side's root package)")
    void featureInternalsArePackagePrivate() {
        classes().that().resideInAnyPackage("io.lendpoint.command..", "io.lendpoint.query..")
                .and().resideOutsideOfPackages("io.lendpoint.command", "io.lendpoint.query")
                .and().areTopLevelClasses()
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(lendpoint);
    }

    @Test
    @DisplayName("features do not reach into each other")
    void featuresAreIndependent() {
        slices().matching("io.lendpoint.command.(*)..").should().notDependOnEachOther().check(lendpoint);
        slices().matching("io.lendpoint.query.(*)..").should().notDependOnEachOther().check(lendpoint);
    }

    @Test
    @DisplayName("aggregates are free of Spring and HTTP concerns")
    void aggregatesArePlainDomain() {
        noClasses().that().areAnnotatedWith(Aggregate.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        "org.springframework.web..", "com.mongodb..", "java.sql..")
                .check(lendpoint);
    }

    @Test
    @DisplayName("controllers are thin: they talk to the gateways, never to stores or aggregates directly")
    void controllersAreThin() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data..", "com.mongodb..",
                        "java.sql..", "org.axonframework.modelling.command..", "org.axonframework.eventsourcing..")
                .check(lendpoint);
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAnnotatedWith(Aggregate.class)
                .check(lendpoint);
    }
}
