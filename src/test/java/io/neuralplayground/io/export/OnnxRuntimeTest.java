package io.neuralplayground.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.NamedModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exported files run in ONNX Runtime and give what {@link Network#predict} gives. Never skipped: if the native
 * library of ONNX Runtime cannot load here, the tests fail and say so.
 */
class OnnxRuntimeTest {
    /**
     * float32 weights and arithmetic against the engine's doubles: a relative error of a few units of float32's
     * precision (6e-8) per operation, far below this bound for networks of these sizes.
     */
    private static final double TOLERANCE = 1e-5;

    private static OrtEnvironment env;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadOnnxRuntime() {
        try {
            env = OrtEnvironment.getEnvironment();
        } catch (Throwable e) {
            fail("ONNX Runtime's native library failed to load on this machine (" + System.getProperty("os.name")
                    + " " + System.getProperty("os.arch") + "): " + e, e);
        }
    }

    static Stream<NamedModel> networks() {
        return OnnxTestNetworks.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void onnxRuntimeAgreesWithTheJavaForwardPass(NamedModel network) throws OrtException {
        Network net = network.model().network();
        Path file = dir.resolve("model.onnx");
        new OnnxExport().write(network.model(), file);
        float[][] x = OnnxTestNetworks.inputs(new Random(network.name().hashCode()), 23, net.inputs());

        float[][] actual = run(file, x);

        double[][] expected = OnnxTestNetworks.predict(net, x);
        assertThat(actual).hasDimensions(x.length, net.outputs());
        for (int r = 0; r < x.length; r++) {
            for (int j = 0; j < net.outputs(); j++) {
                double e = expected[r][j];
                double difference = Math.abs(actual[r][j] - e);
                if (difference > TOLERANCE * Math.max(1, Math.abs(e))) {
                    fail(network + ": example " + r + ", output " + j + ": ONNX Runtime gives " + actual[r][j]
                            + ", Network.predict " + e + " (difference " + difference + ")");
                }
            }
        }
    }

    @Test
    void theSessionSeesTheDocumentedInterfaceAndMetadata() throws OrtException {
        NamedModel network = OnnxTestNetworks.cases().get(4);
        Network net = network.model().network();
        Path file = dir.resolve("model.onnx");
        new OnnxExport().write(network.model(), file);

        try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions())) {
            assertThat(session.getInputNames()).containsExactly(OnnxExport.INPUT);
            assertThat(session.getOutputNames()).containsExactly(OnnxExport.OUTPUT);
            TensorInfo input = (TensorInfo) session.getInputInfo().get(OnnxExport.INPUT).getInfo();
            TensorInfo output = (TensorInfo) session.getOutputInfo().get(OnnxExport.OUTPUT).getInfo();
            // A symbolic dimension shows as -1.
            assertThat(input.getShape()).containsExactly(-1, net.inputs());
            assertThat(output.getShape()).containsExactly(-1, net.outputs());
            assertThat(input.type).isEqualTo(ai.onnxruntime.OnnxJavaType.FLOAT);
            assertThat(input.getDimensionNames()).containsExactly(OnnxExport.BATCH, "");

            var metadata = session.getMetadata();
            assertThat(metadata.getProducerName()).isEqualTo(OnnxExport.PRODUCER);
            assertThat(metadata.getGraphName()).isEqualTo(OnnxExport.GRAPH_NAME);
            assertThat(metadata.getCustomMetadata())
                    .containsExactly(Map.entry(OnnxExport.INPUTS_KEY, "[\"x1\",\"x2\",\"x3\",\"x4\",\"x5\"]"));
        }
    }

    @Test
    void aBatchOfOneRunsToo() throws OrtException {
        NamedModel network = OnnxTestNetworks.cases().get(2);
        Network net = network.model().network();
        Path file = dir.resolve("model.onnx");
        new OnnxExport().write(network.model(), file);

        float[][] one = {{0.5f, -1.25f}};
        assertThat(run(file, one)[0]).containsExactly(toFloats(OnnxTestNetworks.predict(net, one)[0]),
                org.assertj.core.data.Offset.offset(1e-6f));
    }

    private static float[] toFloats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    private static float[][] run(Path file, float[][] x) throws OrtException {
        try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions());
                OnnxTensor input = OnnxTensor.createTensor(env, x);
                OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, input))) {
            return (float[][]) result.get(OnnxExport.OUTPUT).orElseThrow().getValue();
        }
    }
}
