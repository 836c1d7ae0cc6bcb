package io.neuralplayground.io;

import io.neuralplayground.io.export.OnnxTestNetworks;
import io.neuralplayground.io.keras.KerasTestFiles;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A model with a name to tell it by in test reports and assertion messages: what {@link ExportTestModels},
 * {@link OnnxTestNetworks} and {@link KerasTestFiles} hand the tests.
 */
public record NamedModel(String name, Model model) {
    @Override
    public String toString() {
        return name;
    }

    /** The names x1, x2, … xn that models without names of their own get in the tests. */
    public static List<String> inputNames(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "x" + i).toList();
    }
}
