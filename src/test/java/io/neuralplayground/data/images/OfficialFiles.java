package io.neuralplayground.data.images;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The official Fashion-MNIST files as Debian's {@code dataset-fashion-mnist} installs them. Tests of the whole
 * collection are skipped, visibly, where the package is not installed; CI installs it and sets
 * {@code NP_REQUIRE_FASHION_MNIST=1}, and then a missing folder fails them instead.
 */
final class OfficialFiles {
    private OfficialFiles() {
    }

    static void require() {
        if (ImageFolder.of(ImageSources.DEBIAN_FASHION_MNIST).isComplete()) {
            return;
        }
        String problem = ImageSources.DEBIAN_FASHION_MNIST + " does not hold the four Fashion-MNIST files (Debian "
                + "package dataset-fashion-mnist)";
        if ("1".equals(System.getenv("NP_REQUIRE_FASHION_MNIST"))) {
            Assertions.fail(problem + ", and NP_REQUIRE_FASHION_MNIST=1 demands it");
        }
        Assumptions.abort(problem);
    }

    static ImageData read() {
        require();
        return ImageDataReader.read(ImageSource.folder(ImageSource.Kind.SYSTEM_PACKAGE, ImageCollection.FASHION_MNIST,
                ImageSources.DEBIAN_FASHION_MNIST));
    }
}
