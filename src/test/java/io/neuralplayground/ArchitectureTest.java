package io.neuralplayground;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rooms and their arrows as docs/architecture.md draws them: the maths, the data and the session know nothing of
 * the window; the application layer sits between the window and the command line above and the session and the
 * files below; no room reaches up, and no two rooms need each other.
 */
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
    void theRoomsAreLayered() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Main").definedBy("io.neuralplayground")
                .layer("Cli").definedBy("io.neuralplayground.cli..")
                .layer("Ui").definedBy("io.neuralplayground.ui..")
                .layer("App").definedBy("io.neuralplayground.app..")
                .layer("Session").definedBy("io.neuralplayground.session..")
                .layer("Tune").definedBy("io.neuralplayground.tune..")
                .layer("Io").definedBy("io.neuralplayground.io..")
                .layer("Data").definedBy("io.neuralplayground.data..")
                .layer("Engine").definedBy("io.neuralplayground.engine..")
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Main")
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("App").mayOnlyBeAccessedByLayers("Ui", "Cli")
                .whereLayer("Session").mayOnlyBeAccessedByLayers("App", "Ui", "Cli")
                .whereLayer("Tune").mayOnlyBeAccessedByLayers("App", "Ui", "Cli")
                .whereLayer("Io").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Tune")
                .whereLayer("Data").mayOnlyBeAccessedByLayers("Session", "Io", "App", "Ui", "Cli")
                // Main's only own class besides the entry point is PlaygroundException, which every room throws.
                .ignoreDependency(DescribedPredicate.alwaysTrue(),
                        JavaClass.Predicates.equivalentTo(io.neuralplayground.PlaygroundException.class));
        rule.check(classes);
    }

    @Test
    void noTwoRoomsNeedEachOther() {
        slices().matching("io.neuralplayground.(*)..").should().beFreeOfCycles().check(classes);
        // Nor two packages within a room (engine and engine.autodiff, ui.view and ui.viewmodel …).
        slices().matching("io.neuralplayground.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theApplicationLayerKnowsNoToolkit() {
        noClasses().that().resideInAPackage("io.neuralplayground.app..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.jfree..", "org.controlsfx..", "java.awt..", "javax.swing..",
                        "picocli..")
                .check(classes);
    }

    /**
     * The search knows nothing of networks, data or windows: of the engine it uses the seeded generator alone, and
     * the objective that trains a network is handed to it from above.
     */
    @Test
    void theSearchKnowsNoToolkitNoNetworkAndNoRoomAboveIt() {
        noClasses().that().resideInAPackage("io.neuralplayground.tune..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.jfree..", "org.controlsfx..", "java.awt..", "javax.swing..",
                        "picocli..", "io.neuralplayground.ui..", "io.neuralplayground.cli..",
                        "io.neuralplayground.app..", "io.neuralplayground.session..", "io.neuralplayground.data..")
                .check(classes);
        noClasses().that().resideInAPackage("io.neuralplayground.tune..").should().dependOnClassesThat(
                        JavaClass.Predicates.resideInAPackage("io.neuralplayground.engine..")
                                .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(
                                        io.neuralplayground.engine.Rng.class))))
                .check(classes);
    }

    /**
     * Hazelcast stays in the cluster room: the search itself runs on any executor and knows nothing of clusters, and
     * nothing but the cluster room talks to Hazelcast (the command line starts a worker through it).
     */
    @Test
    void onlyTheClusterRoomKnowsHazelcast() {
        noClasses().that().resideOutsideOfPackage("io.neuralplayground.tune.cluster..").should()
                .dependOnClassesThat().resideInAPackage("com.hazelcast..")
                .check(classes);
        noClasses().that().resideInAPackage("io.neuralplayground.tune").should().dependOnClassesThat()
                .resideInAPackage("io.neuralplayground.tune.cluster..")
                .check(classes);
        noClasses().that().resideInAPackage("io.neuralplayground.tune.cluster..").should().dependOnClassesThat()
                .resideInAnyPackage("io.neuralplayground.io..", "io.neuralplayground.engine..")
                .check(classes);
    }

    /** The image collections read and download with the JDK alone: no JSON library, nothing of the files room. */
    @Test
    void theImageDataUseNoJsonLibraryAndNoFileFormatsRoom() {
        noClasses().that().resideInAPackage("io.neuralplayground.data.images..").should().dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson..", "io.neuralplayground.io..")
                .check(classes);
    }

    /** Views read snapshots and networks; what they change goes through their view model, never to the session. */
    @Test
    void viewsDoNotTalkToTheTrainingSession() {
        noClasses().that().resideInAPackage("io.neuralplayground.ui.view..").should().dependOnClassesThat()
                .belongToAnyOf(io.neuralplayground.session.TrainingSession.class,
                        io.neuralplayground.engine.Trainer.class)
                .check(classes);
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
