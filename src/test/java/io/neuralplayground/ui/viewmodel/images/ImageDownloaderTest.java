package io.neuralplayground.ui.viewmodel.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.neuralplayground.data.images.ImageCollection;
import io.neuralplayground.data.images.ImageDownload;
import io.neuralplayground.data.images.ImageSource;
import io.neuralplayground.engine.f32.Gemms;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tab's Download against a server on 127.0.0.1 serving the bundled subset's four files: progress, then the
 * images open from the download folder; a file that does not match its checksum is refused and nothing opens.
 */
class ImageDownloaderTest {
    private static final Path SUBSET = Path.of("datasets", "fashion-mnist-subset");
    private static final String[] FILES = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};
    private HttpServer server;
    private ImagesViewModel vm;
    /** The FX thread of these tests: the test's own thread runs what the download hands back. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> fx =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (vm != null) {
            vm.close();
        }
    }

    private URI serve(boolean corruptLabels) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring(1);
            byte[] body = Files.readAllBytes(SUBSET.resolve(name));
            if (corruptLabels && name.startsWith("t10k-labels")) {
                body[body.length / 2] ^= 1;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private ImageDownload download(URI base) throws Exception {
        List<ImageDownload.RemoteFile> files = new ArrayList<>();
        for (String name : FILES) {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(Files.readAllBytes(SUBSET.resolve(name)));
            files.add(new ImageDownload.RemoteFile(name, HexFormat.of().formatHex(md5)));
        }
        return new ImageDownload(ImageDownload.defaultClient(), base, files);
    }

    private void waitForTheDownload() throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (vm.downloader().downloadingProperty().get() && System.nanoTime() < end) {
            Thread.sleep(10);
            Runnable task;
            while ((task = fx.poll()) != null) {
                task.run();
            }
            vm.onFrame();
        }
    }

    @Test
    void downloadedFilesOpenFromTheFolder(@TempDir Path cache) throws Exception {
        ImageDownload download = download(serve(false));
        vm = new ImagesViewModel(Runnable::run, Runnable::run, fx::add, List::of, () -> Gemms.best(1));
        vm.useDownloader(task -> new Thread(task).start(), () -> download, cache);
        vm.downloader().start();
        assertThat(vm.downloader().downloadingProperty().get()).isTrue();
        waitForTheDownload();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.downloader().textProperty().get()).isEqualTo("Downloaded Fashion-MNIST to " + cache);
        for (String name : FILES) {
            assertThat(cache.resolve(name)).hasSameBinaryContentAs(SUBSET.resolve(name));
        }
        ImageSource opened = vm.sourceProperty().get();
        assertThat(opened.kind()).isEqualTo(ImageSource.Kind.CACHE);
        assertThat(opened.collection()).isEqualTo(ImageCollection.FASHION_MNIST);
        assertThat(vm.dataProperty().get().train().size()).isEqualTo(2000);
    }

    @Test
    void aFileThatDoesNotMatchItsChecksumIsRefusedAndNothingOpens(@TempDir Path cache) throws Exception {
        ImageDownload download = download(serve(true));
        vm = new ImagesViewModel(Runnable::run, Runnable::run, fx::add, List::of, () -> Gemms.best(1));
        vm.useDownloader(task -> new Thread(task).start(), () -> download, cache);
        vm.downloader().start();
        waitForTheDownload();
        assertThat(vm.errorProperty().get()).startsWith("Fashion-MNIST could not be downloaded: ")
                .contains("t10k-labels-idx1-ubyte.gz");
        assertThat(vm.sourceProperty().get()).isNull();
        assertThat(cache.resolve("t10k-labels-idx1-ubyte.gz")).doesNotExist();
    }
}
