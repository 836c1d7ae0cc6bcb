package io.neuralplayground.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileExampleTest {
    /** The example of docs/model-format.md. */
    static final String EXAMPLE = """
            {
              "format": "neural-playground-model",
              "version": 1,
              "inputs": ["x1", "x2"],
              "layers": [
                {"units": 2, "activation": "sigmoid", "kernel": [[0.1, 0.2], [0.3, 0.4]], "bias": [0.5, 0.5]},
                {"units": 1, "activation": "tanh",    "kernel": [[0.7], [0.8]],           "bias": [0.1]}
              ]
            }
            """;

    @Test
    void theExampleReadsAsTheNetworkItDescribes() {
        Model model = ModelFile.fromJson(EXAMPLE, "example.json");

        assertThat(model.inputs()).containsExactly("x1", "x2");
        assertThat(model.extras()).isEmpty();
        Network network = model.network();
        assertThat(network.inputs()).isEqualTo(2);
        assertThat(network.depth()).isEqualTo(2);
        DenseLayer hidden = network.layer(0);
        assertThat(hidden.activation()).isEqualTo(Activation.SIGMOID);
        // kernel[i][j] is the weight from input i to unit j.
        assertThat(hidden.weight(0, 1)).isEqualTo(0.2);
        assertThat(hidden.weight(1, 0)).isEqualTo(0.3);
        assertThat(hidden.biasCopy()).containsExactly(0.5, 0.5);
        assertThat(network.outputLayer().activation()).isEqualTo(Activation.TANH);
        assertThat(network.outputLayer().kernelCopy()).isDeepEqualTo(new double[][] {{0.7}, {0.8}});
    }

    @Test
    void theExamplePredictsWhatTheFormulasGive() {
        Network network = ModelFile.fromJson(EXAMPLE, "example.json").network();

        // x = (1, 2). Hidden layer, a_j = Σ_i x_i·K[i][j] + b_j:
        //   a1 = 1·0.1 + 2·0.3 + 0.5 = 1.2   h1 = sigmoid(1.2) = 1/(1 + e^-1.2) = 0.7685247834990175
        //   a2 = 1·0.2 + 2·0.4 + 0.5 = 1.5   h2 = sigmoid(1.5) = 1/(1 + e^-1.5) = 0.8175744761936437
        // Output layer:
        //   a = 0.7·h1 + 0.8·h2 + 0.1 = 0.5379673484 + 0.6540595810 + 0.1 = 1.2920269294042273
        //   y = tanh(1.2920269294042273) = 0.8596564707065969
        double[] y = network.predict(new double[] {1, 2});

        assertThat(y).hasSize(1);
        assertThat(y[0]).isCloseTo(0.8596564707065969, within(1e-14));
    }

    @Test
    void writtenFilesArePrettyWithOneLinePerKernelRow() {
        Network network = ModelFile.fromJson(EXAMPLE, "example.json").network();
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("seed", 42);
        extras.put("training", Map.of("optimizer", "sgd"));
        extras.put("history", List.of());

        String json = ModelFile.toJson(new Model(List.of("x1", "x2"), network, extras));

        assertThat(json).isEqualTo("""
                {
                  "format": "neural-playground-model",
                  "version": 1,
                  "inputs": ["x1", "x2"],
                  "layers": [
                    {
                      "units": 2,
                      "activation": "sigmoid",
                      "kernel": [
                        [0.1, 0.2],
                        [0.3, 0.4]
                      ],
                      "bias": [0.5, 0.5]
                    },
                    {
                      "units": 1,
                      "activation": "tanh",
                      "kernel": [
                        [0.7],
                        [0.8]
                      ],
                      "bias": [0.1]
                    }
                  ],
                  "seed": 42,
                  "training": {
                    "optimizer": "sgd"
                  },
                  "history": []
                }
                """);
    }

    @Test
    void writeThenReadGivesTheSameModel(@TempDir Path dir) throws Exception {
        Model model = ModelFile.fromJson(EXAMPLE, "example.json");
        Path file = dir.resolve("models/nested/example.json");

        ModelFile.write(file, model);
        Model back = ModelFile.read(file);

        assertThat(back.inputs()).isEqualTo(model.inputs());
        assertThat(back.network().predict(new double[] {1, 2}))
                .containsExactly(model.network().predict(new double[] {1, 2}));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(ModelFile.toJson(model));
        assertThat(dir.resolve("models/nested")).isDirectoryContaining(p -> p.getFileName().toString()
                .equals("example.json"));
        try (var files = Files.list(dir.resolve("models/nested"))) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void readsFromAStreamAsForABundledResource() {
        var in = new java.io.ByteArrayInputStream(EXAMPLE.getBytes(StandardCharsets.UTF_8));

        Model model = ModelFile.read(in, "resources/models/example.json");

        assertThat(model.network().describe()).isEqualTo("2-2-1");
    }

    @Test
    void unknownFieldsAreKeptInOrderAndUnknownLayerFieldsIgnored() {
        String json = """
                {"seed": 7, "format": "neural-playground-model", "version": 1, "inputs": ["a"],
                 "layers": [{"name": "out", "units": 1, "activation": "LINEAR", "kernel": [[2]], "bias": [-0]}],
                 "training": {"learning_rate": 0.03, "batch": 10, "optimizer": {"name": "adam", "beta1": 0.9}},
                 "history": [{"epoch": 1, "loss": 0.5, "test": null}], "big": 12345678901234567890123, "ok": true}
                """;

        Model model = ModelFile.fromJson(json, "extras.json");

        assertThat(model.extras().keySet()).containsExactly("seed", "training", "history", "big", "ok");
        assertThat(model.extras().get("seed")).isEqualTo(7);
        assertThat(model.extras().get("training")).isEqualTo(Map.of("learning_rate", 0.03, "batch", 10,
                "optimizer", Map.of("name", "adam", "beta1", 0.9)));
        Map<String, Object> epoch = new LinkedHashMap<>();
        epoch.put("epoch", 1);
        epoch.put("loss", 0.5);
        epoch.put("test", null);
        assertThat(model.extras().get("history")).isEqualTo(List.of(epoch));
        assertThat(model.extras().get("big")).isEqualTo(new java.math.BigInteger("12345678901234567890123"));
        assertThat(model.extras().get("ok")).isEqualTo(true);
        assertThat(model.network().outputLayer().activation()).isEqualTo(Activation.LINEAR);
        assertThat(ModelFile.fromJson(ModelFile.toJson(model), "again.json").extras()).isEqualTo(model.extras());
    }
}
