package io.neuralplayground;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering DESIGN.md draws: the maths, the data and the session know nothing of the window. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.neuralplayground");
    }

    @Test
    void engineDataAndSessionAreFreeOfUiToolkits() {
        ArchRule rule = noClasses()
                .that().resideInAnyPackage("io.neuralplayground.engine..", "io.neuralplayground.data..",
                        "io.neuralplayground.session..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.jfree..", "org.controlsfx..", "java.awt..", "javax.swing..");
        rule.check(classes);
    }

    @Test
    void engineDoesNoInputOutputAndKnowsNoFileFormats() {
        ArchRule rule = noClasses()
                .that().resideInAPackage("io.neuralplayground.engine..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("java.io..", "java.nio.file..", "com.fasterxml.jackson..",
                        "io.neuralplayground.io..", "io.neuralplayground.data..", "io.neuralplayground.session..",
                        "io.neuralplayground.ui..", "io.neuralplayground.cli..");
        rule.check(classes);
    }

    @Test
    void lowerLayersDoNotReachUp() {
        ArchRule rule = noClasses()
                .that().resideInAnyPackage("io.neuralplayground.data..", "io.neuralplayground.io..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.neuralplayground.session..", "io.neuralplayground.ui..",
                        "io.neuralplayground.cli..");
        rule.check(classes);
    }
}
