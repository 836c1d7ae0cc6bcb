package io.neuralplayground.ui.viewmodel.images;

import io.neuralplayground.data.images.ImageSource;
import java.nio.file.Path;

/** How the dataset chooser names a place images come from. */
public final class ImageSourceNames {
    private ImageSourceNames() {
    }

    /** "Fashion-MNIST (installed)", "Fashion-MNIST subset", "MNIST · digits-folder". */
    public static String shortName(ImageSource source) {
        String name = source.collection().displayName();
        return switch (source.kind()) {
            case SYSTEM_PACKAGE -> name + " (installed)";
            case CACHE -> name + " (downloaded)";
            case BUNDLED -> name + " subset";
            case USER_FOLDER -> name + " · " + source.folder().map(Path::getFileName).map(Path::toString).orElse("");
        };
    }
}
