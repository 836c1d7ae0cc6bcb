package io.neuralplayground.session.images;

import io.neuralplayground.data.images.ImageSet;
import io.neuralplayground.engine.f32.ExampleSource;

/** An {@link ImageSet} as the float32 engine reads it: each image its pixels scaled to [0, 1], row after row. */
public record ImageExamples(ImageSet images) implements ExampleSource {

    @Override
    public int size() {
        return images.size();
    }

    @Override
    public int features() {
        return images.pixelsPerImage();
    }

    @Override
    public int label(int example) {
        return images.label(example);
    }

    @Override
    public void copyInputs(int example, float[] into, int offset) {
        images.copyScaled(example, into, offset);
    }
}
