package io.neuralplayground.data.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.neuralplayground.PlaygroundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a server inside the test, on 127.0.0.1: no test needs the internet. */
class ImageDownloadTest {
    private static final byte[] BIG = random(1_000_000, 1);
    private static final byte[] SMALL = random(5_000, 2);

    @TempDir
    Path dir;

    private FileServer server;
    private final List<DownloadProgress> seen = new CopyOnWriteArrayList<>();

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @BeforeEach
    void serve() throws IOException {
        server = new FileServer();
        server.files.put("big.gz", BIG);
        server.files.put("small.gz", SMALL);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ImageDownload download(ImageDownload.RemoteFile... files) {
        return new ImageDownload(ImageDownload.defaultClient(), server.base(), List.of(files));
    }

    private static ImageDownload.RemoteFile big() {
        return new ImageDownload.RemoteFile("big.gz", md5(BIG));
    }

    private Path folder() {
        return dir.resolve("cache");
    }

    @Test
    void everyFileArrivesWithItsProgressAndNoPartIsLeft() throws IOException {
        server.pauseMillis = 5;
        Path folder = download(big(), new ImageDownload.RemoteFile("small.gz", md5(SMALL)))
                .downloadAll(folder(), seen::add, () -> false);
        assertThat(folder.resolve("big.gz")).hasBinaryContent(BIG);
        assertThat(folder.resolve("small.gz")).hasBinaryContent(SMALL);
        try (var listing = Files.list(folder)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("big.gz", "small.gz");
        }
        List<DownloadProgress> ofBig = seen.stream().filter(p -> p.file().equals("big.gz")).toList();
        assertThat(ofBig).allMatch(p -> p.index() == 0 && p.count() == 2 && p.total() == BIG.length);
        assertThat(ofBig).extracting(DownloadProgress::done).isSorted().startsWith(0L).endsWith((long) BIG.length);
        assertThat(ofBig).as("reports along the way").hasSizeGreaterThan(3);
        assertThat(seen).last().isEqualTo(new DownloadProgress("small.gz", 1, 2, SMALL.length, SMALL.length));
        assertThat(seen.get(seen.size() - 1).fileFraction()).isEqualTo(1.0);
    }

    @Test
    void aLengthTheServerDoesNotDeclareIsReportedUnknownUntilTheEnd() {
        server.declareLength = false;
        download(big()).downloadAll(folder(), seen::add, () -> false);
        assertThat(folder().resolve("big.gz")).hasBinaryContent(BIG);
        assertThat(seen.subList(0, seen.size() - 1)).allMatch(p -> p.total() == -1 && p.fileFraction() == -1);
        assertThat(seen).last().isEqualTo(new DownloadProgress("big.gz", 0, 1, BIG.length, BIG.length));
    }

    @Test
    void aChecksumThatDoesNotMatchIsRefusedAndTheDownloadDeleted() {
        String wrong = "0123456789abcdef0123456789abcdef";
        assertThatThrownBy(() -> download(new ImageDownload.RemoteFile("big.gz", wrong))
                .downloadAll(folder(), seen::add, () -> false))
                .isInstanceOf(PlaygroundException.class)
                .hasMessage("big.gz as downloaded from " + server.base() + "big.gz does not match its published MD5 "
                        + "checksum (expected " + wrong + ", got " + md5(BIG) + "): the download was damaged, or the "
                        + "file on the server has changed; it was deleted, so try again, and if it fails again "
                        + "download the files by hand");
        assertThat(folder().resolve("big.gz")).doesNotExist();
        assertThat(folder().resolve("big.gz.part")).doesNotExist();
    }

    @Test
    void cancellingLeavesNoFileInItsPlaceAndKeepsThePart() throws IOException {
        // The server waits after 300,000 bytes, so the cancel surely comes before the end (and while it waits).
        server.stallAfter = 300_000;
        AtomicBoolean cancel = new AtomicBoolean();
        DownloadCancelledException e = (DownloadCancelledException) catchThrowable(() -> download(big())
                .downloadAll(folder(), p -> cancel.set(p.done() > 0), cancel::get));
        assertThat(e).isNotNull();
        assertThat(folder().resolve("big.gz")).doesNotExist();
        Path part = folder().resolve("big.gz.part");
        assertThat(Files.size(part)).isEqualTo(e.bytesKept()).isPositive().isLessThan(BIG.length);
        assertThat(e).hasMessageStartingWith("Downloading big.gz was cancelled: the ")
                .hasMessageEndingWith(" bytes received are kept in big.gz.part, and the next download continues "
                        + "from there");
        assertThat(Arrays.copyOf(BIG, (int) e.bytesKept())).isEqualTo(Files.readAllBytes(part));
    }

    @Test
    void anInterruptStopsADownloadThatWaitsForAStalledServer() throws Exception {
        server.stallAfter = 300_000;
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread downloading = new Thread(() -> {
            try {
                download(big()).downloadAll(folder(), seen::add, () -> false);
            } catch (RuntimeException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        downloading.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (seen.stream().noneMatch(p -> p.done() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        downloading.interrupt();
        downloading.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(downloading.isAlive()).as("still downloading").isFalse();
        assertThat(thrown.get()).isInstanceOf(DownloadCancelledException.class);
        assertThat(stillInterrupted).isTrue();
        assertThat(folder().resolve("big.gz")).doesNotExist();
        assertThat(folder().resolve("big.gz.part")).exists();
    }

    @Test
    void aPartialDownloadIsResumedWithARangeRequest() throws IOException {
        Files.createDirectories(folder());
        Files.write(folder().resolve("big.gz.part"), Arrays.copyOf(BIG, 300_000));
        download(big()).downloadAll(folder(), seen::add, () -> false);
        assertThat(folder().resolve("big.gz")).hasBinaryContent(BIG);
        assertThat(folder().resolve("big.gz.part")).doesNotExist();
        assertThat(server.ranges).containsExactly("bytes=300000-");
        assertThat(server.bytesSent).hasValue(BIG.length - 300_000);
        assertThat(seen).first().isEqualTo(new DownloadProgress("big.gz", 0, 1, 300_000, BIG.length));
    }

    @Test
    void aServerThatIgnoresTheRangeGivesACleanRetryFromTheStart() throws IOException {
        server.honourRange = false;
        Files.createDirectories(folder());
        // Not even the right bytes: a retry from the start must not keep any of them.
        Files.write(folder().resolve("big.gz.part"), new byte[300_000]);
        download(big()).downloadAll(folder(), seen::add, () -> false);
        assertThat(folder().resolve("big.gz")).hasBinaryContent(BIG);
        assertThat(server.ranges).containsExactly("bytes=300000-");
        assertThat(server.bytesSent).hasValue(BIG.length);
        assertThat(seen).first().extracting(DownloadProgress::done).isEqualTo(0L);
    }

    @Test
    void aCancelledDownloadIsFinishedByTheNext() throws IOException {
        server.stallAfter = 300_000;
        AtomicBoolean cancel = new AtomicBoolean();
        DownloadCancelledException e = (DownloadCancelledException) catchThrowable(() -> download(big())
                .downloadAll(folder(), p -> cancel.set(p.done() > 0), cancel::get));
        assertThat(e).isNotNull();
        server.stallAfter = -1;
        download(big()).downloadAll(folder(), seen::add, () -> false);
        assertThat(folder().resolve("big.gz")).hasBinaryContent(BIG);
        assertThat(server.ranges).containsExactly("", "bytes=" + e.bytesKept() + "-");
    }

    @Test
    void aPartThatIsAlreadyWholeIsCheckedAndMovedIntoPlace() throws IOException {
        Files.createDirectories(folder());
        Files.write(folder().resolve("big.gz.part"), BIG);
        download(big()).downloadAll(folder(), seen::add, () -> false);
        assertThat(folder().resolve("big.gz")).hasBinaryContent(BIG);
        assertThat(server.bytesSent).hasValue(0);
    }

    @Test
    void aFileAlreadyInPlaceWithTheRightChecksumIsNotDownloadedAgain() throws IOException {
        Files.createDirectories(folder());
        Files.write(folder().resolve("big.gz"), BIG);
        download(big()).downloadAll(folder(), seen::add, () -> false);
        assertThat(server.requests).hasValue(0);
        assertThat(seen).containsExactly(new DownloadProgress("big.gz", 0, 1, BIG.length, BIG.length));
    }

    @Test
    void aFileInPlaceWithAnotherChecksumIsReplaced() throws IOException {
        Files.createDirectories(folder());
        Files.write(folder().resolve("big.gz"), SMALL);
        download(big()).downloadAll(folder(), seen::add, () -> false);
        assertThat(folder().resolve("big.gz")).hasBinaryContent(BIG);
    }

    @Test
    void aServerThatStopsSendingIsGivenUpAfterTheIdleTimeout() throws IOException {
        server.stallAfter = 300_000;
        ImageDownload download = download(big()).withIdleTimeout(Duration.ofMillis(300));
        assertThatThrownBy(() -> download.downloadAll(folder(), seen::add, () -> false))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageMatching("Downloading big\\.gz from .* stopped after [0-9,]+ of 1,000,000 bytes: the server "
                        + "sent nothing for 300 ms; they are kept in big\\.gz\\.part, and downloading again continues "
                        + "from there");
        assertThat(folder().resolve("big.gz")).doesNotExist();
        assertThat(Files.size(folder().resolve("big.gz.part"))).isLessThan(BIG.length);
    }

    @Test
    void aLostConnectionKeepsWhatArrivedForTheNextTry() throws IOException {
        server.dropAfter = 400_000;
        assertThatThrownBy(() -> download(big()).downloadAll(folder(), seen::add, () -> false))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith("Downloading big.gz from " + server.base() + "big.gz stopped after ")
                .hasMessageEndingWith("they are kept in big.gz.part, and downloading again continues from there");
        assertThat(folder().resolve("big.gz")).doesNotExist();
        long kept = Files.size(folder().resolve("big.gz.part"));
        assertThat(kept).isPositive().isLessThanOrEqualTo(400_000);
        server.dropAfter = -1;
        download(big()).downloadAll(folder(), seen::add, () -> false);
        assertThat(folder().resolve("big.gz")).hasBinaryContent(BIG);
        assertThat(server.ranges).last().isEqualTo("bytes=" + kept + "-");
    }

    @Test
    void aFileTheServerDoesNotHaveSaysSo() {
        assertThatThrownBy(() -> download(new ImageDownload.RemoteFile("missing.gz", md5(SMALL)))
                .downloadAll(folder(), seen::add, () -> false))
                .isInstanceOf(PlaygroundException.class)
                .hasMessage("Downloading missing.gz from " + server.base() + "missing.gz failed: the server has no "
                        + "such file (HTTP 404); the address may have changed, so download the files by hand and "
                        + "choose their folder");
        assertThat(folder().resolve("missing.gz")).doesNotExist();
        assertThat(folder().resolve("missing.gz.part")).doesNotExist();
    }

    @Test
    void aServerThatCannotBeReachedSaysSo() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port + "/data/");
        ImageDownload download = new ImageDownload(ImageDownload.defaultClient(), nowhere, List.of(big()));
        assertThatThrownBy(() -> download.downloadAll(folder(), seen::add, () -> false))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith("Downloading big.gz from " + nowhere + "big.gz failed: cannot connect to "
                        + "127.0.0.1 (")
                .hasMessageEndingWith("): check the internet connection, or download the files by hand and choose "
                        + "their folder");
    }

    @Test
    void aCollectionsFourFilesDownloadedIntoTheCacheAreFoundThere() throws IOException {
        for (ImageFile file : ImageFile.values()) {
            try (InputStream in = getClass().getClassLoader()
                    .getResourceAsStream(ImageSources.BUNDLED_FASHION_MNIST + file.gzipName())) {
                server.files.put(file.gzipName(), in.readAllBytes());
            }
        }
        List<ImageDownload.RemoteFile> files = Arrays.stream(ImageFile.values())
                .map(f -> new ImageDownload.RemoteFile(f.gzipName(), md5(server.files.get(f.gzipName())))).toList();
        ImageSources sources = new ImageSources(ImageCollection.FASHION_MNIST, dir.resolve("home"),
                dir.resolve("no-system-package"), ImageSources.BUNDLED_FASHION_MNIST);
        new ImageDownload(ImageDownload.defaultClient(), server.base(), files)
                .downloadAll(sources.cacheFolder(), seen::add, () -> false);
        ImageSource chosen = sources.choose(null);
        assertThat(chosen.kind()).isEqualTo(ImageSource.Kind.CACHE);
        assertThat(ImageDataReader.read(chosen).train().size()).isEqualTo(2000);
        assertThat(seen).extracting(DownloadProgress::index).containsOnly(0, 1, 2, 3);
    }

    @Test
    void fashionMnistComesFromZalandosAddressWithItsPublishedChecksums() {
        ImageDownload official = ImageDownload.of(ImageCollection.FASHION_MNIST);
        assertThat(official.base()).isEqualTo(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"));
        assertThat(official.files()).containsExactly(
                new ImageDownload.RemoteFile("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
                new ImageDownload.RemoteFile("train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe"),
                new ImageDownload.RemoteFile("t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79"),
                new ImageDownload.RemoteFile("t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310"));
        assertThatThrownBy(() -> ImageDownload.of(ImageCollection.MNIST)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MNIST has no official download address");
    }
}
