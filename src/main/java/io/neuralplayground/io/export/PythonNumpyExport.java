package io.neuralplayground.io.export;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelWriter;
import io.neuralplayground.io.keras.KerasNetworks;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * A standalone Python 3 file that runs the model with NumPy alone: the weights inline, exactly (Java's
 * {@link Double#toString} is read back by Python as the very same double), the activations as small NumPy
 * functions, {@code INPUTS}, {@code LAYERS} and {@code predict(x)}. Run as a script, it reads examples (numbers
 * separated by spaces or commas) from its arguments or, one per line, from standard input and prints the
 * predictions, one line each. Documented in {@code docs/export-formats.md}.
 */
public final class PythonNumpyExport implements ModelWriter {
    @Override
    public void write(Model model, Path file) {
        Exports.writeSource(model, file, PythonNumpyExport::source);
    }

    /** The text {@link #write} writes, for standard output; refused for a weight that is not finite. */
    public static String text(Model model) {
        return Exports.text(model, PythonNumpyExport::source);
    }

    /** The text of the file (ASCII); every parameter must be finite. */
    public static String source(Model model) {
        Network network = model.network();
        StringBuilder py = PythonScript.start("A neural network exported from Neural Playground: "
                + network.describe() + " (inputs, then the units of each layer).\n\n" + """
                Needs only NumPy. As a module: predict(x) takes one example (a vector of len(INPUTS) numbers)
                or a batch (examples x inputs) and returns the outputs. As a script:

                    python3 model.py 0.5 -1.2          # one example as arguments
                    python3 model.py < examples.txt    # one example per line

                prints one line of outputs per example. The weights are written so that Python reads them back
                as exactly the float64 values of the playground.
                """, model.inputs(), "numpy as np");
        Set<Activation> used = EnumSet.noneOf(Activation.class);
        for (DenseLayer layer : network.layers()) {
            used.add(layer.activation());
        }
        for (Activation activation : used) {
            py.append("\n").append(function(activation)).append("\n");
        }
        py.append("\n# One (kernel, bias, activation) per layer. kernel[i][j] is the weight from input i to unit j "
                + "(Keras'\n# layout, inputs x units): a layer computes activation(h @ kernel + bias).\nLAYERS = [\n");
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            py.append("    (  # ").append(KerasNetworks.layerName(l)).append(": ").append(layer.inputs())
                    .append(" inputs -> ").append(layer.units()).append(" units, ")
                    .append(layer.activation().kerasName()).append("\n        ");
            PythonScript.matrix(py, layer.kernelCopy(), "        ");
            py.append(",\n        ");
            PythonScript.vector(py, layer.biasCopy());
            py.append(",\n        ").append(layer.activation().kerasName()).append(",\n    ),\n");
        }
        py.append("]\n\n\n");
        py.append("""
                def predict(x):
                    \"""The outputs for one example (a vector) or for each row of a batch (examples x inputs).\"""
                    h = np.asarray(x, dtype=np.float64)
                    single = h.ndim == 1
                    h = np.atleast_2d(h)
                    if h.ndim != 2 or h.shape[1] != len(INPUTS):
                        raise ValueError(f"expected {len(INPUTS)} inputs per example ({', '.join(INPUTS)}), "
                                         f"got shape {np.shape(x)}")
                    for kernel, bias, activation in LAYERS:
                        h = activation(h @ kernel + bias)
                    return h[0] if single else h


                """);
        return PythonScript.end(py, """
                if __name__ == "__main__":
                    for y in predict(_examples(sys.argv[1:], sys.stdin)):
                        print(" ".join(repr(float(v)) for v in y))
                """);
    }

    /** The activation as a NumPy function named as Keras names it, with Keras' constants. */
    private static String function(Activation activation) {
        return switch (activation) {
            case LINEAR -> "def linear(a):\n    return a\n";
            case RELU -> "def relu(a):\n    return np.maximum(a, 0.0)\n";
            case LEAKY_RELU -> "def leaky_relu(a):\n    # Keras' default negative slope\n"
                    + "    return np.where(a > 0, a, " + Activation.LEAKY_SLOPE + " * a)\n";
            case ELU -> "def elu(a):\n    # alpha = " + Activation.ELU_ALPHA + ", Keras' default\n"
                    + "    return np.where(a > 0, a, " + Activation.ELU_ALPHA + " * np.expm1(np.minimum(a, 0.0)))\n";
            case TANH -> "def tanh(a):\n    return np.tanh(a)\n";
            case SIGMOID -> "def sigmoid(a):\n    # 1 / (1 + e^-a) without overflow for large |a|\n"
                    + "    e = np.exp(-np.abs(a))\n    return np.where(a >= 0, 1.0 / (1.0 + e), e / (1.0 + e))\n";
            case SOFTMAX -> "def softmax(a):\n    # over the units of each example; shifted by the maximum so that "
                    + "exp cannot overflow\n    e = np.exp(a - a.max(axis=-1, keepdims=True))\n"
                    + "    return e / e.sum(axis=-1, keepdims=True)\n";
        };
    }
}
