package io.neuralplayground.data.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.DataFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order in which an image collection's places are looked at, with folders made in the test. */
class ImageSourcesTest {
    @TempDir
    Path dir;

    private ImageSources sources(Path system, String bundled) {
        return new ImageSources(ImageCollection.FASHION_MNIST, dir.resolve("home"), system, bundled);
    }

    private ImageSources sourcesWithEverything() throws IOException {
        ImageSources sources = sources(IdxBytes.collection(dir.resolve("system"), true),
                ImageSources.BUNDLED_FASHION_MNIST);
        IdxBytes.collection(sources.cacheFolder(), true);
        return sources;
    }

    @Test
    void theCacheIsInTheApplicationsFolderInTheHome() {
        assertThat(sources(null, null).cacheFolder())
                .isEqualTo(dir.resolve("home").resolve(".neural-playground/datasets/fashion-mnist"));
        assertThat(new ImageSources(ImageCollection.MNIST, dir, null, null).cacheFolder())
                .isEqualTo(dir.resolve(".neural-playground/datasets/mnist"));
    }

    @Test
    void aFolderTheUserPicksComesFirst() throws IOException {
        ImageSources sources = sourcesWithEverything();
        Path mine = IdxBytes.collection(dir.resolve("mine"), false);
        ImageSource chosen = sources.choose(mine);
        assertThat(chosen.kind()).isEqualTo(ImageSource.Kind.USER_FOLDER);
        assertThat(chosen.folder()).contains(mine);
        assertThat(chosen.description()).isEqualTo("Fashion-MNIST from " + mine);
    }

    @Test
    void thenTheSystemPackagesFolderThenTheCacheThenTheBundledSubset() throws IOException {
        ImageSources sources = sourcesWithEverything();
        assertThat(sources.available()).extracting(ImageSource::kind).containsExactly(
                ImageSource.Kind.SYSTEM_PACKAGE, ImageSource.Kind.CACHE, ImageSource.Kind.BUNDLED);
        assertThat(sources.choose(null).kind()).isEqualTo(ImageSource.Kind.SYSTEM_PACKAGE);
        assertThat(sources.choose(null).description()).endsWith("(installed by a system package)");
    }

    @Test
    void withoutTheSystemPackageTheCache() throws IOException {
        ImageSources sources = sources(dir.resolve("not-installed"), ImageSources.BUNDLED_FASHION_MNIST);
        IdxBytes.collection(sources.cacheFolder(), true);
        assertThat(sources.choose(null).kind()).isEqualTo(ImageSource.Kind.CACHE);
        assertThat(sources.choose(null).folder()).contains(sources.cacheFolder());
        assertThat(sources.fullCollection()).map(ImageSource::kind).contains(ImageSource.Kind.CACHE);
    }

    @Test
    void withNeitherTheBundledSubset() {
        ImageSources sources = sources(dir.resolve("not-installed"), ImageSources.BUNDLED_FASHION_MNIST);
        ImageSource chosen = sources.choose(null);
        assertThat(chosen.kind()).isEqualTo(ImageSource.Kind.BUNDLED);
        assertThat(chosen.isSubset()).isTrue();
        assertThat(chosen.folder()).isEmpty();
        assertThat(sources.fullCollection()).isEmpty();
        assertThat(chosen.description()).isEqualTo("Fashion-MNIST (the small subset bundled with Neural Playground)");
    }

    @Test
    void aHalfFinishedDownloadOrAnIncompleteSystemFolderIsPassedOver() throws IOException {
        Path system = IdxBytes.collection(dir.resolve("system"), true);
        Files.delete(system.resolve(ImageFile.TEST_LABELS.gzipName()));
        ImageSources sources = sources(system, ImageSources.BUNDLED_FASHION_MNIST);
        Path cache = IdxBytes.collection(sources.cacheFolder(), true);
        Files.move(cache.resolve(ImageFile.TRAIN_IMAGES.gzipName()),
                cache.resolve(ImageFile.TRAIN_IMAGES.gzipName() + ".part"));
        assertThat(sources.available()).extracting(ImageSource::kind).containsExactly(ImageSource.Kind.BUNDLED);
    }

    @Test
    void aUsersFolderMissingAFileSaysWhichOne() throws IOException {
        Path mine = IdxBytes.collection(dir.resolve("mine"), true);
        Files.delete(mine.resolve(ImageFile.TEST_LABELS.gzipName()));
        ImageSources sources = sourcesWithEverything();
        assertThatThrownBy(() -> sources.choose(mine)).isInstanceOf(DataFileException.class)
                .hasMessage(mine + ": the folder has no t10k-labels-idx1-ubyte.gz (or t10k-labels-idx1-ubyte): an "
                        + "image collection needs train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                        + "t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte in one folder, each plain or with .gz");
        Files.delete(mine.resolve(ImageFile.TRAIN_IMAGES.gzipName()));
        assertThatThrownBy(() -> sources.choose(mine)).hasMessageContaining("the folder has no "
                + "train-images-idx3-ubyte.gz (or train-images-idx3-ubyte) and no t10k-labels-idx1-ubyte.gz");
    }

    @Test
    void aUsersFolderThatIsEmptyOrMissing() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> sources(null, null).choose(empty))
                .hasMessageStartingWith(empty + ": the folder holds none of the four files of an image collection");
        Path nowhere = dir.resolve("nowhere");
        assertThatThrownBy(() -> sources(null, null).choose(nowhere))
                .hasMessageStartingWith(nowhere + ": there is no such folder");
    }

    @Test
    void nothingAnywhereSaysWhereItLookedAndWhatToDo() {
        ImageSources sources = sources(dir.resolve("not-installed"), null);
        assertThatThrownBy(() -> sources.choose(null)).isInstanceOf(PlaygroundException.class)
                .hasMessage("The Fashion-MNIST files were not found in " + sources.cacheFolder() + " nor in "
                        + dir.resolve("not-installed") + ": download them, or choose a folder that holds "
                        + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and "
                        + "t10k-labels-idx1-ubyte (each plain or with .gz)");
        ImageSources mnist = new ImageSources(ImageCollection.MNIST, dir, null, null);
        assertThatThrownBy(() -> mnist.choose(null)).hasMessageContaining(": choose a folder that holds");
    }

    @Test
    void theCompressedFileIsTakenWhenBothAreThere() throws IOException {
        Path folder = IdxBytes.collection(dir.resolve("both"), false);
        IdxBytes.collection(folder, true);
        assertThat(ImageFolder.of(folder).path(ImageFile.TRAIN_IMAGES).getFileName().toString())
                .isEqualTo("train-images-idx3-ubyte.gz");
    }

    @Test
    void theStandardPlacesAreTheHomeDebiansFolderAndTheBundledSubset() {
        ImageSources standard = ImageSources.standard(ImageCollection.FASHION_MNIST);
        assertThat(standard.cacheFolder()).isEqualTo(Path.of(System.getProperty("user.home"),
                ".neural-playground", "datasets", "fashion-mnist"));
        assertThat(standard.available()).extracting(ImageSource::kind).last().isEqualTo(ImageSource.Kind.BUNDLED);
    }
}
