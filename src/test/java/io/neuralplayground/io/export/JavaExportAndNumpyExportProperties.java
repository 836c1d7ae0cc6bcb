package io.neuralplayground.io.export;

import static io.neuralplayground.io.NetworkAssertions.assertBitsEqual;
import static io.neuralplayground.io.export.ExportChecks.matrix;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.ExportTestModels;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelGenerators;
import io.neuralplayground.testing.Python;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.opentest4j.TestAbortedException;

/**
 * For random models (any shape ModelGenerators makes, every activation, input names with quotes, backslashes,
 * control and non-ASCII characters, weights of any bit pattern up to 2 in magnitude, subnormals included), the
 * NumPy file run by Python and the Java class compiled in this JVM compute what the engine computes, and hold
 * exactly its weights and names. Few tries: each starts Python or the compiler.
 *
 * <p>The exports add in another order than the engine (which fuses multiply and add) and NumPy has its own tanh
 * and exp, so outputs agree within 1e-12 of the size of the sums involved: the output of the same network with
 * every weight, bias and input replaced by its absolute value and no activation.
 */
class JavaExportAndNumpyExportProperties {
    private static Path dir;
    private static int counter;

    /** A model and examples for it. */
    record Case(Model model, double[][] x) {
    }

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("export-properties");
    }

    /**
     * Deletes what the tries wrote, as far as it can: after a failure jqwik may still be shrinking in the
     * background, writing files while they are deleted; what is left then stays in the temporary directory.
     */
    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            System.err.println("could not delete all of " + dir + ": " + e);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Model> models = ModelGenerators.models(ModelGenerators.networks(ModelGenerators.boundedWeights(2)),
                ModelGenerators.names());
        return models.flatMap(model -> Arbitraries.doubles().between(-3, 3).withSpecialValue(0.0)
                .withSpecialValue(-0.0).array(double[].class).ofSize(model.network().inputs())
                .array(double[][].class).ofMinSize(1).ofMaxSize(4).map(x -> new Case(model, x)));
    }

    @Property(tries = 25)
    @AddLifecycleHook(NeedsNumpy.class)
    void theNumpyFileComputesWhatTheEngineComputes(@ForAll("cases") Case c) {
        Path file = dir.resolve("model" + counter++ + ".py");
        new PythonNumpyExport().write(c.model(), file);

        JsonNode result = ExportChecks.runOne("run_exported.py", file, c.x(), Map.of());

        assertThat(ExportChecks.strings(result.get("inputs"))).isEqualTo(c.model().inputs());
        Network network = c.model().network();
        for (int l = 0; l < network.depth(); l++) {
            assertBitsEqual(network.layer(l).kernelCopy(), matrix(result.at("/kernels/" + l)), "kernel " + l);
            assertBitsEqual(new double[][] {network.layer(l).biasCopy()},
                    new double[][] {ExportChecks.vector(result.at("/biases/" + l))}, "bias " + l);
        }
        assertAgree(c, matrix(result.get("batch")), "NumPy");
    }

    @Property(tries = 25)
    void theJavaClassComputesWhatTheEngineComputes(@ForAll("cases") Case c) {
        Path source = dir.resolve("java" + counter++).resolve("Model.java");
        new JavaExport().write(c.model(), source);

        CompiledJava compiled = CompiledJava.compile(source, source.resolveSibling("classes")).orFail();

        JavaExportTest.assertHolds(c.model(), compiled, "Java");
        assertAgree(c, compiled.predict(c.x()), "Java");
    }

    /**
     * {@link Python#require} for a property: where NumPy is missing the property is skipped, visibly, as a test
     * is (an aborted try would count as a rejected one and the property would fail as exhausted); on CI
     * ({@code NP_REQUIRE_PYTHON=1}) the missing module fails it.
     */
    static class NeedsNumpy implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            try {
                Python.require("numpy");
                return SkipResult.doNotSkip();
            } catch (TestAbortedException e) {
                return SkipResult.skip(e.getMessage());
            }
        }
    }

    private static void assertAgree(Case c, double[][] actual, String as) {
        double[][] expected = ExportTestModels.predictions(c.model(), c.x());
        assertThat(actual.length).isEqualTo(expected.length);
        for (int r = 0; r < expected.length; r++) {
            double[] scale = absoluteSums(c.model().network(), c.x()[r]);
            assertThat(actual[r].length).isEqualTo(expected[r].length);
            for (int j = 0; j < expected[r].length; j++) {
                assertThat(Math.abs(actual[r][j] - expected[r][j]))
                        .as("%s, example %d, output %d: %s vs the engine's %s", as, r, j, actual[r][j], expected[r][j])
                        .isLessThanOrEqualTo(1e-12 * Math.max(1, scale[j]));
            }
        }
    }

    /** The network on |x| with every weight and bias by its absolute value and no activation. */
    private static double[] absoluteSums(Network network, double[] x) {
        double[] h = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            h[i] = Math.abs(x[i]);
        }
        for (DenseLayer layer : network.layers()) {
            double[] a = new double[layer.units()];
            for (int j = 0; j < a.length; j++) {
                a[j] = Math.abs(layer.bias(j));
                for (int i = 0; i < h.length; i++) {
                    a[j] += h[i] * Math.abs(layer.weight(i, j));
                }
            }
            h = a;
        }
        return h;
    }
}
