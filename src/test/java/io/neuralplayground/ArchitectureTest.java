package io.neuralplayground;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;
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

    @Test
    void theEngineDoesNotReachIntoItsAutodiffRoom() {
        // engine.autodiff builds on the engine (sigmoid, the central difference), never the other way round.
        ArchRule rule = noClasses()
                .that().resideInAPackage("io.neuralplayground.engine")
                .should().dependOnClassesThat().resideInAPackage("io.neuralplayground.engine.autodiff..");
        rule.check(classes);
    }

    @Test
    void theEngineAndThePackagesInsideItAreFreeOfCycles() {
        // One slice per package; "engine.(**)" alone would leave out the engine package itself.
        ArchRule rule = slices().matching("io.neuralplayground.(**)")
                .that(DescribedPredicate.describe("are the engine or inside it",
                        (Slice slice) -> slice.getNamePart(1).equals("engine")
                                || slice.getNamePart(1).startsWith("engine.")))
                .should().beFreeOfCycles();
        rule.check(classes);
    }
}
