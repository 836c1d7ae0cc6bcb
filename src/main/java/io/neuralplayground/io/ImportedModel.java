package io.neuralplayground.io;

import java.util.List;
import java.util.Objects;

/**
 * A model read from a file, and what the reader has to tell about the reading: layers of the file's model left out
 * or folded into others (a Keras {@code Dropout}, which does nothing when a model predicts, or an
 * {@code Activation} after a Dense layer), inputs flattened, biases taken as zero. Nothing in the notes is an
 * error: the model computes what the file's model computes when it predicts. A caller shows them to the user
 * (a notice, a line on the command line) or leaves them; {@link ModelReader#read} drops them.
 *
 * @param model the model
 * @param notes one sentence each, naming the file's layer ("'dropout' (Dropout, rate 0.5) is left out: …"), in the
 *              order of the layers; empty when there is nothing to tell
 */
public record ImportedModel(Model model, List<String> notes) {
    public ImportedModel {
        Objects.requireNonNull(model, "model");
        notes = List.copyOf(notes);
    }
}
