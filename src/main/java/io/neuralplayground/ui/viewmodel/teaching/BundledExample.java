package io.neuralplayground.ui.viewmodel.teaching;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.json.ModelFile;
import java.io.IOException;
import java.io.InputStream;

/**
 * The example network bundled with the application: the 2-2-2 sigmoid network of Matt Mazur's "A Step by Step
 * Backpropagation Example" (2015), with its example, loss and learning rate, every number of which Mazur works
 * out by hand.
 */
public final class BundledExample {
    /** The class-path resource of the model file. */
    public static final String RESOURCE = "/examples/textbook-2-2-2.json";
    /** The name the stepper shows as the network's source. */
    public static final String NAME = "textbook-2-2-2.json";
    public static final Loss LOSS = Loss.HALF_SQUARED_ERROR;
    public static final double LEARNING_RATE = 0.5;
    private static final double[] INPUT = {0.05, 0.10};
    private static final double[] TARGET = {0.01, 0.99};

    private BundledExample() {
    }

    /** The model, read from the application's resources. */
    public static Model read() {
        try (InputStream in = BundledExample.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new PlaygroundException("The bundled example " + RESOURCE + " is missing from the application");
            }
            return ModelFile.read(in, NAME);
        } catch (IOException e) {
            throw new PlaygroundException("Cannot read the bundled example " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Input (0.05, 0.10) and target (0.01, 0.99). */
    public static Examples examples() {
        return Examples.one(INPUT, TARGET);
    }

    /** Makes the bundled network, its example, loss and learning rate those of {@code context}. */
    public static void open(TeachingContext context) {
        context.openModel(read(), NAME, LOSS, LEARNING_RATE);
        context.examplesProperty().set(examples());
    }
}
