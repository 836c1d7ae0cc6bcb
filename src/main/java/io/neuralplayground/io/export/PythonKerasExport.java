package io.neuralplayground.io.export;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelWriter;
import io.neuralplayground.io.keras.KerasNetworks;
import java.nio.file.Path;

/**
 * A Python 3 file that builds the same model in Keras 3: {@code keras.Sequential} of {@code keras.Input} and one
 * {@code keras.layers.Dense} per layer, named dense, dense_1, … with the activation by its Keras name, then
 * {@code model.set_weights} with the playground's weights (written exactly, as float64, and converted to Keras'
 * float32 on loading). Documented in {@code docs/export-formats.md}.
 *
 * <p>Keras cannot be installed where Neural Playground is built and tested: the file follows Keras' documented
 * API (keras.io: {@code keras.activations.leaky_relu} has negative slope 0.2 and {@code elu} α = 1 by default,
 * the playground's constants; a Dense layer's weights are {@code [kernel (inputs × units), bias (units)]}) and is
 * checked by running it against a NumPy stand-in for exactly that API with Keras' checks (the tests' keras
 * stub), not against Keras itself. The file says so.
 */
public final class PythonKerasExport implements ModelWriter {
    /**
     * Writes the file, for a model whose every weight is finite and within float32's range: Keras builds the model
     * in float32 by default and would turn a larger weight into infinity without a word, so such a model is refused
     * as the Keras files refuse it.
     */
    @Override
    public void write(Model model, Path file) {
        String problem = KerasNetworks.float32Problem(model.network(), KerasNetworks.IN_KERAS);
        if (problem != null) {
            throw new PlaygroundException("Cannot save " + file + ": " + problem);
        }
        Exports.writeSource(model, file, PythonKerasExport::source);
    }

    /**
     * The text {@link #write} writes, for standard output; refused, as the file is, for a weight that is not finite
     * or beyond float32's range.
     */
    public static String text(Model model) {
        String problem = KerasNetworks.float32Problem(model.network(), KerasNetworks.IN_KERAS);
        if (problem != null) {
            throw new PlaygroundException("Cannot save the model: " + problem);
        }
        return PythonKerasExport.source(model);
    }

    /** The text of the file (ASCII); every parameter must be finite. */
    public static String source(Model model) {
        Network network = model.network();
        StringBuilder py = PythonScript.start("A neural network exported from Neural Playground ("
                + network.describe() + "), rebuilt in Keras 3.\n\n" + """
                build_model() returns a keras.Sequential with the playground's weights; run as a script it prints
                the model's summary and, for examples given as arguments or one per line on standard input,
                its predictions.

                Keras could not be installed where Neural Playground was built: this file follows Keras' documented
                API (keras.io/api) and was checked by running it against a stand-in for that API written
                with NumPy, not against Keras itself. The NumPy export of the same model runs anywhere
                NumPy does.

                Keras computes in float32 by default, so its predictions differ from the playground's float64 ones
                in about the 7th digit. For float64 call keras.config.set_floatx("float64") before build_model().
                """, model.inputs(), "keras", "numpy as np");
        py.append("# In the order of model.get_weights(): per layer the kernel (inputs x units; kernel[i][j] is the "
                + "weight\n# from input i to unit j), then the bias (one per unit).\nWEIGHTS = [\n");
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            String name = KerasNetworks.layerName(l);
            py.append("    # ").append(name).append("/kernel, shape (").append(layer.inputs()).append(", ")
                    .append(layer.units()).append(")\n    ");
            PythonScript.matrix(py, layer.kernelCopy(), "    ");
            py.append(",\n    # ").append(name).append("/bias, shape (").append(layer.units()).append(",)\n    ");
            PythonScript.vector(py, layer.biasCopy());
            py.append(",\n");
        }
        py.append("]\n\n\n");
        py.append("def build_model():\n    model = keras.Sequential([\n        keras.Input(shape=(")
                .append(network.inputs()).append(",)),\n");
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            py.append("        keras.layers.Dense(").append(layer.units()).append(", activation=\"")
                    .append(layer.activation().kerasName()).append("\", name=\"").append(KerasNetworks.layerName(l))
                    .append("\"),\n");
        }
        py.append("""
                    ])
                    # Keras' activations by name have the playground's constants: "leaky_relu" negative_slope=0.2,
                    # "elu" alpha=1.0 (unlike the layer keras.layers.LeakyReLU, whose default slope is 0.3).
                    model.set_weights([w.astype(keras.config.floatx()) for w in WEIGHTS])
                    return model


                """);
        return PythonScript.end(py, """
                if __name__ == "__main__":
                    model = build_model()
                    model.summary()
                    x = _examples(sys.argv[1:], sys.stdin)
                    if len(x):
                        for y in model.predict(x.astype(keras.config.floatx()), verbose=0):
                            print(" ".join(repr(float(v)) for v in y))
                """);
    }
}
