package io.neuralplayground.io.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.NamedModel;
import io.neuralplayground.io.keras.KerasNetworks;
import io.neuralplayground.testing.Python;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The onnx package itself (Debian's python3-onnx) checks every exported file — {@code check_model} with
 * {@code full_check}, strict shape inference — and reads back what it holds; skipped where it is not installed
 * ({@link Python#require}), never on CI.
 */
class OnnxPythonCheckTest {
    @TempDir
    Path dir;

    @Test
    void theOnnxCheckerAcceptsEveryExportAndReadsWhatWasWritten() {
        Python.require("onnx", "numpy");
        List<NamedModel> cases = OnnxTestNetworks.cases();
        List<String> paths = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            Path file = dir.resolve("case" + c + ".onnx");
            new OnnxExport().write(cases.get(c).model(), file);
            paths.add(file.toString());
        }

        JsonNode described = Python.runScript("onnx_check.py", Map.of("paths", paths));

        assertThat(described).hasSize(cases.size());
        for (int c = 0; c < cases.size(); c++) {
            check(cases.get(c), described.get(c));
        }
    }

    private static void check(NamedModel testCase, JsonNode file) {
        Model model = testCase.model();
        Network network = model.network();
        String as = testCase.name();
        assertThat(file.get("ir_version").asInt()).as(as).isEqualTo(8);
        assertThat(file.get("opset_import")).as(as).hasSize(1);
        assertThat(file.at("/opset_import/0/domain").asText()).as(as).isEmpty();
        assertThat(file.at("/opset_import/0/version").asInt()).as(as).isEqualTo(13);
        assertThat(file.get("producer_name").asText()).as(as).isEqualTo("neural-playground");
        assertThat(file.at("/metadata/inputs").asText()).as(as)
                .isEqualTo(jsonArray(model.inputs()));
        assertThat(file.get("metadata")).as(as).hasSize(1);
        assertThat(file.get("graph_name").asText()).as(as).isEqualTo("neural_playground");
        assertShape(file.at("/inputs/0"), "input", network.inputs(), as);
        assertShape(file.at("/outputs/0"), "output", network.outputs(), as);
        assertThat(file.get("inputs")).as(as).hasSize(1);
        assertThat(file.get("outputs")).as(as).hasSize(1);

        JsonNode initializers = file.get("initializers");
        assertThat(initializers).as(as).hasSize(2 * network.depth());
        List<String> ops = new ArrayList<>();
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            String name = KerasNetworks.layerName(l);
            JsonNode kernel = initializers.get(2 * l);
            JsonNode bias = initializers.get(2 * l + 1);
            assertThat(kernel.get("name").asText()).isEqualTo(name + "/kernel");
            assertThat(kernel.get("data_type").asInt()).isEqualTo(1);
            assertThat(kernel.get("dims")).hasSize(2);
            assertThat(kernel.at("/dims/0").asInt()).isEqualTo(layer.inputs());
            assertThat(kernel.at("/dims/1").asInt()).isEqualTo(layer.units());
            for (int i = 0; i < layer.inputs(); i++) {
                for (int j = 0; j < layer.units(); j++) {
                    // Exactly the float32 nearest the weight: numpy reads it from raw_data, row-major.
                    assertThat(kernel.get("values").get(i * layer.units() + j).asDouble()).as(as)
                            .isEqualTo((double) (float) layer.weight(i, j));
                }
            }
            assertThat(bias.get("name").asText()).isEqualTo(name + "/bias");
            assertThat(bias.at("/dims/0").asInt()).isEqualTo(layer.units());
            for (int j = 0; j < layer.units(); j++) {
                assertThat(bias.get("values").get(j).asDouble()).isEqualTo((double) (float) layer.bias(j));
            }
            ops.add("Gemm");
            if (layer.activation() != Activation.LINEAR) {
                ops.add(switch (layer.activation()) {
                    case RELU -> "Relu";
                    case TANH -> "Tanh";
                    case SIGMOID -> "Sigmoid";
                    case SOFTMAX -> "Softmax";
                    case LEAKY_RELU -> "LeakyRelu";
                    case ELU -> "Elu";
                    case LINEAR -> throw new AssertionError();
                });
            }
        }
        List<String> actualOps = new ArrayList<>();
        file.get("nodes").forEach(n -> actualOps.add(n.get("op_type").asText()));
        assertThat(actualOps).as(as).isEqualTo(ops);
        file.get("nodes").forEach(n -> {
            assertThat(n.get("domain").asText()).isEmpty();
            JsonNode attributes = n.get("attributes");
            switch (n.get("op_type").asText()) {
                case "Gemm" -> {
                    assertThat(attributes.at("/alpha/value").asDouble()).isEqualTo(1.0);
                    assertThat(attributes.at("/beta/value").asDouble()).isEqualTo(1.0);
                    assertThat(attributes.at("/transA/value").asInt()).isZero();
                    assertThat(attributes.at("/transB/value").asInt()).isZero();
                }
                case "Softmax" -> assertThat(attributes.at("/axis/value").asInt()).isEqualTo(-1);
                case "LeakyRelu" -> assertThat(attributes.at("/alpha/value").asDouble()).isEqualTo((double) 0.2f);
                case "Elu" -> assertThat(attributes.at("/alpha/value").asDouble()).isEqualTo(1.0);
                default -> assertThat(attributes).isEmpty();
            }
        });

        // Shape inference: every tensor between nodes is [batch, units], and so is the output.
        JsonNode inferred = file.get("inferred");
        assertThat(inferred).as(as).hasSize(file.get("nodes").size());
        inferred.forEach(v -> {
            assertThat(v.get("elem_type").asInt()).isEqualTo(1);
            assertThat(v.at("/shape/0").asText()).as(as + " " + v).isEqualTo("batch");
        });
        JsonNode inferredOutput = inferred.get(inferred.size() - 1);
        assertThat(inferredOutput.get("name").asText()).isEqualTo("output");
        assertThat(inferredOutput.at("/shape/1").asInt()).isEqualTo(network.outputs());
    }

    private static void assertShape(JsonNode info, String name, int width, String as) {
        assertThat(info.get("name").asText()).as(as).isEqualTo(name);
        assertThat(info.get("elem_type").asInt()).as(as).isEqualTo(1);
        assertThat(info.get("shape")).as(as).hasSize(2);
        assertThat(info.at("/shape/0").asText()).as(as).isEqualTo("batch");
        assertThat(info.at("/shape/1").asInt()).as(as).isEqualTo(width);
    }

    private static String jsonArray(List<String> names) {
        return "[\"" + String.join("\",\"", names) + "\"]";
    }
}
