package io.neuralplayground.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.keras.KerasNetworks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytes of exported files, decoded with the test's own {@link ProtobufReader} and checked field by field
 * against {@code onnx.proto}'s numbers (written out here, not taken from the exporter).
 */
class OnnxExportTest {
    @TempDir
    Path dir;

    /** The example of docs/model-format.md: 2 inputs, 2 sigmoid units, 1 tanh output. */
    private static Model example() {
        DenseLayer hidden = new DenseLayer(new double[][] {{0.1, 0.2}, {0.3, 0.4}}, new double[] {0.5, 0.5},
                Activation.SIGMOID);
        DenseLayer output = new DenseLayer(new double[][] {{0.7}, {0.8}}, new double[] {0.1}, Activation.TANH);
        return new Model(List.of("x1", "x2"), new Network(2, List.of(hidden, output)));
    }

    private static Model oneLayer(Activation activation, int inputs, int units) {
        return new Model(names(inputs), Network.of(inputs, new int[0], activation, units, activation));
    }

    private static List<String> names(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> "x" + i).toList();
    }

    @Test
    void theFileBeginsWithIrVersion8AndTheProducer() throws IOException {
        Path file = dir.resolve("example.onnx");
        new OnnxExport().write(example(), file);
        byte[] bytes = Files.readAllBytes(file);

        // 08 08: field 1 (ir_version), varint, 8. 12 11: field 2 (producer_name), 17 bytes.
        assertThat(HexFormat.ofDelimiter(" ").formatHex(bytes, 0, 4)).isEqualTo("08 08 12 11");
        assertThat(new String(bytes, 4, 17, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("neural-playground");
        assertThat(bytes).isEqualTo(OnnxExport.toBytes(example()));
    }

    @Test
    void theModelDeclaresIrVersionOpsetProducerAndInputNames() {
        ProtobufReader model = ProtobufReader.parse(OnnxExport.toBytes(example()));

        // ModelProto: ir_version 1, producer_name 2, doc_string 6, graph 7, opset_import 8, metadata_props 14.
        assertThat(model.order()).containsExactly(1, 2, 6, 7, 8, 14);
        assertThat(model.varint(1)).isEqualTo(8);
        assertThat(model.string(2)).isEqualTo("neural-playground");
        ProtobufReader opset = model.message(8);
        assertThat(opset.string(1)).isEmpty(); // domain: the default, ai.onnx
        assertThat(opset.varint(2)).isEqualTo(13);
        ProtobufReader metadata = model.message(14);
        assertThat(metadata.string(1)).isEqualTo("inputs");
        assertThat(metadata.string(2)).isEqualTo("[\"x1\",\"x2\"]");
        assertThat(model.string(6)).contains("2-2-1", "x1, x2", "\"input\"", "\"output\"");
    }

    @Test
    void theGraphIsGemmThenActivationPerLayer() {
        ProtobufReader graph = ProtobufReader.parse(OnnxExport.toBytes(example())).message(7);

        // GraphProto: node 1, name 2, initializer 5, input 11, output 12.
        assertThat(graph.order()).containsExactly(1, 1, 1, 1, 2, 5, 5, 5, 5, 11, 12);
        assertThat(graph.string(2)).isEqualTo("neural_playground");
        List<ProtobufReader> nodes = graph.messages(1);
        // NodeProto: input 1, output 2, name 3, op_type 4, attribute 5.
        assertNode(nodes.get(0), "dense/Gemm", "Gemm", List.of("input", "dense/kernel", "dense/bias"),
                "dense/preactivation");
        assertNode(nodes.get(1), "dense/Sigmoid", "Sigmoid", List.of("dense/preactivation"), "dense/output");
        assertNode(nodes.get(2), "dense_1/Gemm", "Gemm", List.of("dense/output", "dense_1/kernel", "dense_1/bias"),
                "dense_1/preactivation");
        assertNode(nodes.get(3), "dense_1/Tanh", "Tanh", List.of("dense_1/preactivation"), "output");
        assertThat(nodes.get(1).has(5)).isFalse();
        assertThat(nodes.get(3).has(5)).isFalse();

        // AttributeProto: name 1, f 2, i 3, type 20 (FLOAT 1, INT 2).
        List<ProtobufReader> gemm = nodes.get(0).messages(5);
        assertThat(gemm).hasSize(4);
        assertFloatAttribute(gemm.get(0), "alpha", 1.0f);
        assertFloatAttribute(gemm.get(1), "beta", 1.0f);
        assertIntAttribute(gemm.get(2), "transA", 0);
        assertIntAttribute(gemm.get(3), "transB", 0);
    }

    @Test
    void weightsAreFloat32TensorsInKerasLayoutLittleEndian() {
        List<ProtobufReader> initializers =
                ProtobufReader.parse(OnnxExport.toBytes(example())).message(7).messages(5);

        // TensorProto: dims 1 (one key each), data_type 2 (FLOAT = 1), name 8, raw_data 9.
        assertTensor(initializers.get(0), "dense/kernel", List.of(2L, 2L), 0.1f, 0.2f, 0.3f, 0.4f);
        assertTensor(initializers.get(1), "dense/bias", List.of(2L), 0.5f, 0.5f);
        assertTensor(initializers.get(2), "dense_1/kernel", List.of(2L, 1L), 0.7f, 0.8f);
        assertTensor(initializers.get(3), "dense_1/bias", List.of(1L), 0.1f);
        // 0.1f is 0x3dcccccd: least significant byte first.
        assertThat(HexFormat.of().formatHex(initializers.get(0).bytes(9), 0, 4)).isEqualTo("cdcccc3d");
    }

    @Test
    void inputAndOutputAreFloatMatricesWithASymbolicBatch() {
        ProtobufReader graph = ProtobufReader.parse(OnnxExport.toBytes(example())).message(7);

        assertValueInfo(graph.message(11), "input", 2);
        assertValueInfo(graph.message(12), "output", 1);
    }

    @Test
    void eachActivationBecomesItsOperatorWithItsAttributes() {
        assertThat(activationNodes(Activation.RELU)).singleElement()
                .satisfies(n -> assertNode(n, "dense/Relu", "Relu", List.of("dense/preactivation"), "output"));
        assertThat(activationNodes(Activation.TANH)).singleElement().satisfies(n -> assertOp(n, "Tanh"));
        assertThat(activationNodes(Activation.SIGMOID)).singleElement().satisfies(n -> assertOp(n, "Sigmoid"));
        assertThat(activationNodes(Activation.SOFTMAX)).singleElement().satisfies(n -> {
            assertOp(n, "Softmax");
            // -1 as an int64 varint: ten bytes, read back as -1.
            assertThat(n.messages(5)).singleElement().satisfies(a -> assertIntAttribute(a, "axis", -1));
        });
        assertThat(activationNodes(Activation.LEAKY_RELU)).singleElement().satisfies(n -> {
            assertOp(n, "LeakyRelu");
            assertThat(n.messages(5)).singleElement().satisfies(a -> assertFloatAttribute(a, "alpha", 0.2f));
        });
        assertThat(activationNodes(Activation.ELU)).singleElement().satisfies(n -> {
            assertOp(n, "Elu");
            assertThat(n.messages(5)).singleElement().satisfies(a -> assertFloatAttribute(a, "alpha", 1.0f));
        });
        assertThat(activationNodes(Activation.LINEAR)).isEmpty();
    }

    @Test
    void aLinearLayerIsAGemmAlone() {
        Model model = new Model(names(3), Network.of(3, new int[] {4}, Activation.LINEAR, 2, Activation.LINEAR));
        List<ProtobufReader> nodes = ProtobufReader.parse(OnnxExport.toBytes(model)).message(7).messages(1);

        assertThat(nodes).hasSize(2);
        assertNode(nodes.get(0), "dense/Gemm", "Gemm", List.of("input", "dense/kernel", "dense/bias"),
                "dense/output");
        assertNode(nodes.get(1), "dense_1/Gemm", "Gemm", List.of("dense/output", "dense_1/kernel", "dense_1/bias"),
                "output");
    }

    @Test
    void layersAreNamedAsKerasNamesThem() {
        assertThat(Stream.of(0, 1, 2, 10).map(KerasNetworks::layerName))
                .containsExactly("dense", "dense_1", "dense_2", "dense_10");
    }

    @Test
    void inputNamesAreJsonInTheMetadata() {
        Model model = new Model(List.of("x1sq", "petal \"width\"", "größe"),
                Network.of(3, new int[0], Activation.LINEAR, 1, Activation.LINEAR));
        ProtobufReader metadata = ProtobufReader.parse(OnnxExport.toBytes(model)).message(14);

        assertThat(metadata.string(2)).isEqualTo("[\"x1sq\",\"petal \\\"width\\\"\",\"größe\"]");
    }

    @Test
    void aWeightThatIsNotFiniteIsRefusedNamingFileLayerAndUnit() throws IOException {
        Path file = dir.resolve("model.onnx");
        Files.writeString(file, "the good old model");
        Model model = example();
        model.network().layer(1).setWeight(1, 0, Double.NaN);

        assertThatThrownBy(() -> new OnnxExport().write(model, file))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith("Cannot export " + file + " as ONNX: layer dense_1 (2 of 2), unit 1: "
                        + "the weight from input 2 is NaN; only finite weights can be exported");

        assertThat(file).hasContent("the good old model");
        assertThat(namesIn(dir)).containsExactly("model.onnx");
    }

    @Test
    void aBiasBeyondFloat32IsRefused() throws IOException {
        Path file = dir.resolve("model.onnx");
        Files.writeString(file, "the good old model");
        Model model = example();
        model.network().layer(0).setBias(1, -1e39);

        assertThatThrownBy(() -> new OnnxExport().write(model, file))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessage("Cannot export " + file + " as ONNX: layer dense (1 of 2), unit 2: the bias is -1.0E39, "
                        + "beyond the range of float32 (±3.4028235E38), in which ONNX stores weights");

        assertThat(file).hasContent("the good old model");
        assertThat(namesIn(dir)).containsExactly("model.onnx");
    }

    @Test
    void theLargestFloat32AndTinyWeightsPass() {
        Model model = example();
        model.network().layer(0).setWeight(0, 0, Float.MAX_VALUE);
        model.network().layer(0).setWeight(0, 1, -Double.MIN_VALUE); // rounds to -0.0f: precision, not range
        ProtobufReader kernel = ProtobufReader.parse(OnnxExport.toBytes(model)).message(7).messages(5).get(0);

        float[] values = floats(kernel.bytes(9));
        assertThat(values[0]).isEqualTo(Float.MAX_VALUE);
        assertThat(Float.floatToRawIntBits(values[1])).isEqualTo(Float.floatToRawIntBits(-0.0f));
    }

    @Test
    void infinityIsRefusedWithoutAFileToo() {
        Model model = example();
        model.network().layer(0).setWeight(0, 0, Double.POSITIVE_INFINITY);

        assertThatThrownBy(() -> OnnxExport.toBytes(model)).isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith("Cannot export the model as ONNX: layer dense (1 of 2), unit 1: the weight "
                        + "from input 1 is Infinity");
    }

    @Test
    void replacesAnExistingFileAndCreatesParents() throws IOException {
        Path file = dir.resolve("exports/deep/model.onnx");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "an older, much longer file ".repeat(100));

        new OnnxExport().write(example(), file);

        assertThat(file).hasBinaryContent(OnnxExport.toBytes(example()));
        assertThat(namesIn(file.getParent())).containsExactly("model.onnx");
    }

    @Test
    void aFailedWriteNamesTheFileAndLeavesNothingBehind() throws IOException {
        Path blocker = dir.resolve("not-a-directory");
        Files.writeString(blocker, "a file where a directory should be");
        Path file = blocker.resolve("model.onnx");

        assertThatThrownBy(() -> new OnnxExport().write(example(), file))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith("Cannot write " + file + ": ");
        assertThat(blocker).hasContent("a file where a directory should be");
        assertThat(namesIn(dir)).containsExactly("not-a-directory");
    }

    @Test
    void aDirectoryIsNotOverwritten() throws IOException {
        Path target = Files.createDirectory(dir.resolve("model.onnx"));

        assertThatThrownBy(() -> new OnnxExport().write(example(), target))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessage("Cannot write " + target + ": it is a directory, not a regular file; choose a file name");
    }

    private static List<ProtobufReader> activationNodes(Activation activation) {
        List<ProtobufReader> nodes = ProtobufReader.parse(OnnxExport.toBytes(oneLayer(activation, 2, 3)))
                .message(7).messages(1);
        assertOp(nodes.get(0), "Gemm");
        return nodes.subList(1, nodes.size());
    }

    private static void assertOp(ProtobufReader node, String op) {
        assertThat(node.string(4)).isEqualTo(op);
    }

    private static void assertNode(ProtobufReader node, String name, String op, List<String> inputs,
            String output) {
        assertThat(node.string(3)).as("name").isEqualTo(name);
        assertThat(node.string(4)).as("op_type").isEqualTo(op);
        assertThat(node.strings(1)).as("inputs").isEqualTo(inputs);
        assertThat(node.strings(2)).as("outputs").containsExactly(output);
        assertThat(node.has(7)).as("domain: the default").isFalse();
    }

    private static void assertFloatAttribute(ProtobufReader attribute, String name, float value) {
        assertThat(attribute.string(1)).isEqualTo(name);
        assertThat(attribute.varint(20)).as("type FLOAT").isEqualTo(1);
        assertThat(attribute.float32(2)).isEqualTo(value);
        assertThat(attribute.order()).containsExactly(1, 2, 20);
    }

    private static void assertIntAttribute(ProtobufReader attribute, String name, long value) {
        assertThat(attribute.string(1)).isEqualTo(name);
        assertThat(attribute.varint(20)).as("type INT").isEqualTo(2);
        assertThat(attribute.varint(3)).isEqualTo(value);
        assertThat(attribute.order()).containsExactly(1, 3, 20);
    }

    private static void assertTensor(ProtobufReader tensor, String name, List<Long> dims, float... values) {
        assertThat(tensor.string(8)).isEqualTo(name);
        assertThat(tensor.varints(1)).as("dims").isEqualTo(dims);
        assertThat(tensor.varint(2)).as("data_type FLOAT").isEqualTo(1);
        assertThat(floats(tensor.bytes(9))).containsExactly(values);
        assertThat(tensor.order()).doesNotContain(4); // float_data unused: the values are in raw_data
    }

    private static void assertValueInfo(ProtobufReader info, String name, int width) {
        // ValueInfoProto name 1, type 2 → TypeProto tensor_type 1 → elem_type 1, shape 2 → dim 1 →
        // dim_value 1 / dim_param 2.
        assertThat(info.string(1)).isEqualTo(name);
        ProtobufReader tensorType = info.message(2).message(1);
        assertThat(tensorType.varint(1)).as("elem_type FLOAT").isEqualTo(1);
        List<ProtobufReader> dims = tensorType.message(2).messages(1);
        assertThat(dims).hasSize(2);
        assertThat(dims.get(0).string(2)).isEqualTo("batch");
        assertThat(dims.get(0).has(1)).isFalse();
        assertThat(dims.get(1).varint(1)).isEqualTo(width);
        assertThat(dims.get(1).has(2)).isFalse();
    }

    private static float[] floats(byte[] raw) {
        assertThat(raw.length % 4).isZero();
        float[] values = new float[raw.length / 4];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    private static List<String> namesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
