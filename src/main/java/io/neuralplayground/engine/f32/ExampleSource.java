package io.neuralplayground.engine.f32;

/**
 * Labelled examples for the float32 engine, read one at a time into a batch: images (784 pixels scaled to [0, 1])
 * or any other fixed-length inputs. The engine never holds the whole set as floats, only a batch.
 */
public interface ExampleSource {
    /** Number of examples. */
    int size();

    /** Length of each example's input. */
    int features();

    /** The class of example {@code example}, 0 … k − 1. */
    int label(int example);

    /** Writes example {@code example}'s {@link #features()} inputs into {@code into} from {@code offset}. */
    void copyInputs(int example, float[] into, int offset);
}
