package io.neuralplayground.data.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole Fashion-MNIST, where Debian's package has installed it (CI installs it). */
class FullFashionMnistTest {
    /**
     * The MD5 of each official file's content, uncompressed, as loaders built on torchvision list them. Debian
     * compressed the files again (the gzip header's time is the package's build), so the {@code .gz} files'
     * checksums are not those Zalando publishes, but their content is the official content.
     */
    private static final Map<ImageFile, String> CONTENT_MD5 = Map.of(
            ImageFile.TRAIN_IMAGES, "f4a8712d7a061bf5bd6d2ca38dc4d50a",
            ImageFile.TRAIN_LABELS, "9018921c3c673c538a1fc5bad174d6f9",
            ImageFile.TEST_IMAGES, "8181f5470baa50b63fa0f6fddb340f0a",
            ImageFile.TEST_LABELS, "15d484375f8d13e6eb1aabb0c3f46965");

    @Test
    void sixtyThousandTrainingAndTenThousandTestImagesWithTheKnownFirstLabels() {
        ImageData data = OfficialFiles.read();
        assertThat(data.source().kind()).isEqualTo(ImageSource.Kind.SYSTEM_PACKAGE);
        assertThat(data.source().isSubset()).isFalse();
        assertThat(data.train().size()).isEqualTo(60_000);
        assertThat(data.test().size()).isEqualTo(10_000);
        assertThat(data.rows()).isEqualTo(28);
        assertThat(data.cols()).isEqualTo(28);
        assertThat(data.train().label(0)).isEqualTo(9);
        assertThat(data.classNames().get(data.train().label(0))).isEqualTo("Ankle boot");
        assertThat(data.test().label(0)).isEqualTo(9);
        assertThat(data.train().classCounts()).containsOnly(6000);
        assertThat(data.test().classCounts()).containsOnly(1000);
    }

    @Test
    void theStandardSourcesFindDebiansFolderBeforeTheBundledSubset(@TempDir Path home) {
        OfficialFiles.require();
        ImageSources sources = new ImageSources(ImageCollection.FASHION_MNIST, home,
                ImageSources.DEBIAN_FASHION_MNIST, ImageSources.BUNDLED_FASHION_MNIST);
        assertThat(sources.choose(null).kind()).isEqualTo(ImageSource.Kind.SYSTEM_PACKAGE);
        assertThat(sources.fullCollection()).isPresent();
    }

    @Test
    void debiansFilesHoldTheOfficialContent() throws IOException, NoSuchAlgorithmException {
        OfficialFiles.require();
        ImageFolder folder = ImageFolder.of(ImageSources.DEBIAN_FASHION_MNIST);
        for (ImageFile file : ImageFile.values()) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            try (InputStream in = new DigestInputStream(new GZIPInputStream(Files.newInputStream(folder.path(file)),
                    1 << 16), md5)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            assertThat(HexFormat.of().formatHex(md5.digest())).as(file.gzipName()).isEqualTo(CONTENT_MD5.get(file));
        }
    }
}
