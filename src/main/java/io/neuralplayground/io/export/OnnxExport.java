package io.neuralplayground.io.export;

import static io.neuralplayground.io.keras.KerasNetworks.layerName;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelWriter;
import io.neuralplayground.io.files.AtomicFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * Exports a model as an ONNX file (IR version {@value #IR_VERSION}, operator set {@value #OPSET} of the default
 * domain), which ONNX Runtime and other ONNX tools run; documented in {@code docs/onnx-format.md}.
 *
 * <p>The graph takes one float32 tensor {@value #INPUT} of shape {@code [batch, inputs]} (rows are examples,
 * {@code batch} a symbolic dimension) and gives one float32 tensor {@value #OUTPUT} of shape
 * {@code [batch, outputs]}. Each dense layer, named as Keras names them ({@code dense}, {@code dense_1}, …),
 * becomes a {@code Gemm} node computing {@code A = H·K + b} from initializers {@code <layer>/kernel} (inputs ×
 * units, Keras' layout, so no transpose) and {@code <layer>/bias}, followed by the activation's operator
 * ({@code Relu}, {@code Tanh}, {@code Sigmoid}, {@code Softmax} on the last axis, {@code LeakyRelu} with
 * α = {@value Activation#LEAKY_SLOPE}, {@code Elu} with α = {@value Activation#ELU_ALPHA}; none for
 * {@code linear}). The names of the input features go into the model's metadata, key {@value #INPUTS_KEY}, as a
 * JSON array of strings. Other extras of the model are not exported.
 *
 * <p>ONNX stores the weights as float32, so they lose the digits beyond float32's precision (about seven);
 * a weight that is not finite or does not fit in float32 is refused. The file is written atomically
 * ({@link AtomicFiles}). The encoding is protobuf's, written by {@link ProtobufWriter}; field numbers are those
 * of {@code onnx/onnx.proto}.
 */
public final class OnnxExport implements ModelWriter {
    /** The ONNX IR version written: 8, that of ONNX 1.10 to 1.13, which every current runtime reads. */
    public static final int IR_VERSION = 8;
    /** The version of the default ("ai.onnx") operator set the graph uses. */
    public static final int OPSET = 13;
    /** The model's {@code producer_name}. */
    public static final String PRODUCER = "neural-playground";
    /** The name of the graph's input. */
    public static final String INPUT = "input";
    /** The name of the graph's output. */
    public static final String OUTPUT = "output";
    /** The symbolic first dimension of input and output: the number of examples. */
    public static final String BATCH = "batch";
    /** The metadata key under which the input features' names are stored, as a JSON array of strings. */
    public static final String INPUTS_KEY = "inputs";
    /** The graph's name. */
    public static final String GRAPH_NAME = "neural_playground";

    /** Protobuf's limit for one message, and so for a whole ONNX file without external data. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;
    /** Generous room for everything in the file but the weights: names, nodes, types. */
    private static final long OVERHEAD_PER_LAYER = 1024;
    private static final long OVERHEAD = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    public OnnxExport() {
    }

    /** Writes {@code model} to {@code file} as ONNX, replacing it atomically; parent directories are created. */
    @Override
    public void write(Model model, Path file) {
        // Everything is checked and encoded before the file is opened: a refused model leaves no trace on disk.
        ProtobufWriter encoded = encode(model, "Cannot export " + file + " as ONNX");
        AtomicFiles.write(file, encoded::writeTo);
    }

    /** The bytes {@link #write} would write. */
    public static byte[] toBytes(Model model) {
        return encode(model, "Cannot export the model as ONNX").toByteArray();
    }

    private static ProtobufWriter encode(Model model, String failure) {
        Network network = model.network();
        long weightBytes = 0;
        for (DenseLayer layer : network.layers()) {
            weightBytes += 4L * ((long) layer.inputs() * layer.units() + layer.units());
        }
        long estimate = weightBytes + OVERHEAD + OVERHEAD_PER_LAYER * network.depth();
        if (estimate > MAX_FILE_BYTES) {
            throw new PlaygroundException(failure + ": its " + weightBytes + " bytes of float32 weights exceed the "
                    + "2 GB an ONNX file can hold in itself; make the network smaller");
        }
        ProtobufWriter graph = graph(network, failure, (int) estimate);

        // ModelProto, fields in number order as protobuf's own serializers write them.
        ProtobufWriter onnx = new ProtobufWriter((int) Math.min(MAX_FILE_BYTES, graph.size() + OVERHEAD));
        onnx.int64(1, IR_VERSION); // ir_version
        onnx.string(2, PRODUCER); // producer_name
        String version = OnnxExport.class.getPackage().getImplementationVersion();
        if (version != null) {
            onnx.string(3, version); // producer_version: known only when running from the packaged jar
        }
        onnx.string(6, docString(model)); // doc_string
        onnx.message(7, graph); // graph
        onnx.message(8, new ProtobufWriter() // opset_import: OperatorSetIdProto
                .string(1, "") // domain: the default one, ai.onnx
                .int64(2, OPSET)); // version
        onnx.message(14, new ProtobufWriter() // metadata_props: StringStringEntryProto
                .string(1, INPUTS_KEY) // key
                .string(2, inputsJson(model.inputs()))); // value
        return onnx;
    }

    /** GraphProto, fields in number order: nodes (1), name (2), initializers (5), input (11), output (12). */
    private static ProtobufWriter graph(Network network, String failure, int capacity) {
        ProtobufWriter nodes = new ProtobufWriter();
        String previous = INPUT;
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            String name = layerName(l);
            boolean last = l == network.depth() - 1;
            String result = last ? OUTPUT : name + "/output";
            Activation activation = layer.activation();
            String gemmOutput = activation == Activation.LINEAR ? result : name + "/preactivation";
            nodes.message(1, gemm(name, previous, gemmOutput));
            if (activation != Activation.LINEAR) {
                nodes.message(1, activationNode(name, activation, gemmOutput, result));
            }
            previous = result;
        }
        ProtobufWriter graph = new ProtobufWriter(capacity);
        graph.append(nodes);
        graph.string(2, GRAPH_NAME);
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            String name = layerName(l);
            String where = failure + ": layer " + name + " (" + (l + 1) + " of " + network.depth() + ")";
            graph.message(5, tensor(name + "/kernel", new long[] {layer.inputs(), layer.units()},
                    kernel(layer, where)));
            graph.message(5, tensor(name + "/bias", new long[] {layer.units()}, bias(layer, where)));
        }
        graph.message(11, valueInfo(INPUT, network.inputs()));
        graph.message(12, valueInfo(OUTPUT, network.outputs()));
        return graph;
    }

    /** Y = A·B + C: A the previous layer's output [batch, inputs], B the kernel [inputs, units], C the bias. */
    private static ProtobufWriter gemm(String layer, String input, String output) {
        ProtobufWriter node = node(layer + "/Gemm", "Gemm", output, input, layer + "/kernel", layer + "/bias");
        // The defaults, written out so that a reader of the file need not know them.
        node.message(5, floatAttribute("alpha", 1.0f));
        node.message(5, floatAttribute("beta", 1.0f));
        node.message(5, intAttribute("transA", 0));
        node.message(5, intAttribute("transB", 0));
        return node;
    }

    private static ProtobufWriter activationNode(String layer, Activation activation, String input,
            String output) {
        String op = switch (activation) {
            case RELU -> "Relu";
            case TANH -> "Tanh";
            case SIGMOID -> "Sigmoid";
            case SOFTMAX -> "Softmax";
            case LEAKY_RELU -> "LeakyRelu";
            case ELU -> "Elu";
            case LINEAR -> throw new IllegalArgumentException("linear needs no node");
        };
        ProtobufWriter node = node(layer + "/" + op, op, output, input);
        switch (activation) {
            // Opset 13's default axis is already the last one; before opset 13 Softmax flattened the trailing
            // axes instead. Written out so that nobody has to know which.
            case SOFTMAX -> node.message(5, intAttribute("axis", -1));
            case LEAKY_RELU -> node.message(5, floatAttribute("alpha", (float) Activation.LEAKY_SLOPE));
            case ELU -> node.message(5, floatAttribute("alpha", (float) Activation.ELU_ALPHA));
            default -> {
                // no attributes
            }
        }
        return node;
    }

    /** NodeProto: input (1), output (2), name (3), op_type (4); attributes (5) are added by the caller. */
    private static ProtobufWriter node(String name, String op, String output, String... inputs) {
        ProtobufWriter node = new ProtobufWriter();
        for (String input : inputs) {
            node.string(1, input);
        }
        node.string(2, output);
        node.string(3, name);
        node.string(4, op);
        return node;
    }

    /** AttributeProto: name (1), f (2), type (20) = FLOAT (1). */
    private static ProtobufWriter floatAttribute(String name, float value) {
        return new ProtobufWriter().string(1, name).float32(2, value).int64(20, 1);
    }

    /** AttributeProto: name (1), i (3), type (20) = INT (2). */
    private static ProtobufWriter intAttribute(String name, long value) {
        return new ProtobufWriter().string(1, name).int64(3, value).int64(20, 2);
    }

    /** TensorProto: dims (1, one key each), data_type (2) = FLOAT (1), name (8), raw_data (9). */
    private static ProtobufWriter tensor(String name, long[] dims, float[] values) {
        ProtobufWriter tensor = new ProtobufWriter(4 * values.length + 64);
        for (long dim : dims) {
            tensor.int64(1, dim);
        }
        tensor.int64(2, 1);
        tensor.string(8, name);
        // raw_data: "fixed-width, little-endian", row-major (onnx.proto).
        tensor.littleEndianFloats(9, values);
        return tensor;
    }

    /**
     * ValueInfoProto {name (1), type (2): TypeProto {tensor_type (1): {elem_type (1) = FLOAT (1), shape (2):
     * TensorShapeProto {dim (1): [{dim_param (2) = "batch"}, {dim_value (1) = width}]}}}}.
     */
    private static ProtobufWriter valueInfo(String name, int width) {
        ProtobufWriter shape = new ProtobufWriter()
                .message(1, new ProtobufWriter().string(2, BATCH))
                .message(1, new ProtobufWriter().int64(1, width));
        ProtobufWriter tensorType = new ProtobufWriter().int64(1, 1).message(2, shape);
        return new ProtobufWriter().string(1, name).message(2, new ProtobufWriter().message(1, tensorType));
    }

    /** The kernel row-major, [input][unit], as float32. */
    private static float[] kernel(DenseLayer layer, String where) {
        int units = layer.units();
        float[] values = new float[layer.inputs() * units];
        for (int j = 0; j < units; j++) {
            for (int i = 0; i < layer.inputs(); i++) {
                values[i * units + j] = toFloat(layer.weight(i, j), where, j,
                        "the weight from input " + (i + 1));
            }
        }
        return values;
    }

    private static float[] bias(DenseLayer layer, String where) {
        float[] values = new float[layer.units()];
        for (int j = 0; j < values.length; j++) {
            values[j] = toFloat(layer.bias(j), where, j, "the bias");
        }
        return values;
    }

    private static float toFloat(double value, String where, int unit, String what) {
        if (!Double.isFinite(value)) {
            throw new PlaygroundException(where + ", unit " + (unit + 1) + ": " + what + " is " + value
                    + "; only finite weights can be exported: the training has diverged, reset the network or "
                    + "lower the learning rate");
        }
        float single = (float) value;
        if (Float.isInfinite(single)) {
            throw new PlaygroundException(where + ", unit " + (unit + 1) + ": " + what + " is " + value
                    + ", beyond the range of float32 (±" + Float.MAX_VALUE + "), in which ONNX stores weights");
        }
        return single;
    }

    private static String docString(Model model) {
        Network network = model.network();
        return "A dense network (" + network.describe() + ") exported by Neural Playground. Input \"" + INPUT
                + "\" is float32 [batch, " + network.inputs() + "], one row per example, its columns the features "
                + String.join(", ", model.inputs()) + " (also in metadata \"" + INPUTS_KEY + "\" as JSON); output \""
                + OUTPUT + "\" is float32 [batch, " + network.outputs() + "].";
    }

    private static String inputsJson(List<String> inputs) {
        try {
            return JSON.writeValueAsString(inputs);
        } catch (JsonProcessingException e) {
            // A list of strings always serialises.
            throw new IllegalStateException(e);
        }
    }
}
