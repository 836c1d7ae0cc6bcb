package io.neuralplayground.data.images;

import io.neuralplayground.PlaygroundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads an image collection's four files from its official address into a folder (the cache of
 * {@link ImageSources#cacheFolder()}), each checked against the MD5 checksum its authors publish.
 *
 * <p>A file arrives as {@code NAME.part} and is moved to {@code NAME} (atomically, in the same folder) only once its
 * checksum matches, so a file in its final place is always whole. A download that stops (cancelled, or the
 * connection lost) keeps its part, and the next one asks for the rest with an HTTP Range request
 * ({@code Range: bytes=N-}); a server that ignores it and sends the whole file again (200 instead of 206) is read
 * from the start, the part overwritten. A checksum that does not match deletes the part and says so. A file already
 * in the folder with the right checksum is not downloaded again.
 *
 * <p>The body is written on the HTTP client's threads while the calling thread waits, looking every
 * {@value #POLL_MILLIS} ms at how far it is: it tells progress ({@link DownloadProgress}, on the calling thread, at
 * the start of each file, whenever bytes have arrived and at the end), asks {@code cancelled}, and gives up on a
 * server that has sent nothing for {@link #IDLE_TIMEOUT}. An interrupt of the calling thread stops the download too,
 * even while the server stalls, and its interrupt status stays set. A cancelled download throws
 * {@link DownloadCancelledException}, saying what was kept. (Reading the response as an {@code InputStream} would be
 * simpler, but on Java 17 a read that waits for a stalled server cannot be interrupted.)
 *
 * <p>Fashion-MNIST's official address is plain HTTP (an S3 website endpoint, which offers no HTTPS): the published
 * checksums, built into the application, are what make a download trustworthy.
 */
public final class ImageDownload {
    /** How long to wait for a connection, and for a response's headers. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** How long a server may send nothing in the middle of a file before the download gives up (and keeps it). */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    /** How often the waiting thread looks at the download: progress, cancellation, a stalled server. */
    public static final int POLL_MILLIS = 50;

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");
    private static final int BUFFER = 1 << 16;

    /** A file to download: its name under the base address and its published MD5 (32 hex digits). */
    public record RemoteFile(String name, String md5) {
        public RemoteFile {
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                throw new IllegalArgumentException("a plain file name, not '" + name + "'");
            }
            if (!md5.matches("[0-9a-f]{32}")) {
                throw new IllegalArgumentException("an MD5 of 32 lower-case hex digits, not '" + md5 + "'");
            }
        }
    }

    private final HttpClient client;
    private final URI base;
    private final List<RemoteFile> files;
    private final Duration idleTimeout;

    /**
     * @param base the address the files' names are resolved against, ending in '/'
     */
    public ImageDownload(HttpClient client, URI base, List<RemoteFile> files) {
        this(client, base, files, IDLE_TIMEOUT);
    }

    private ImageDownload(HttpClient client, URI base, List<RemoteFile> files, Duration idleTimeout) {
        if (!base.toString().endsWith("/")) {
            throw new IllegalArgumentException("a base address ends in '/': " + base);
        }
        this.client = client;
        this.base = base;
        this.files = List.copyOf(files);
        this.idleTimeout = idleTimeout;
    }

    /** The same download, giving up on a silent server after {@code idle} instead of {@link #IDLE_TIMEOUT}. */
    ImageDownload withIdleTimeout(Duration idle) {
        return new ImageDownload(client, base, files, idle);
    }

    /**
     * The four {@code .gz} files of {@code collection} from its official address, with its published checksums.
     *
     * @throws IllegalArgumentException if the collection has no download address
     */
    public static ImageDownload of(ImageCollection collection) {
        URI base = collection.downloadBase().orElseThrow(() -> new IllegalArgumentException(
                collection.displayName() + " has no official download address"));
        return of(collection, base, defaultClient());
    }

    /** The four {@code .gz} files of {@code collection} from {@code base} (a mirror, a test's server). */
    public static ImageDownload of(ImageCollection collection, URI base, HttpClient client) {
        List<RemoteFile> files = new ArrayList<>();
        for (ImageFile file : ImageFile.values()) {
            String md5 = collection.publishedMd5(file).orElseThrow(() -> new IllegalArgumentException(
                    collection.displayName() + " has no published checksum for " + file.gzipName()));
            files.add(new RemoteFile(file.gzipName(), md5));
        }
        return new ImageDownload(client, base, files);
    }

    /** A client that follows redirects (but not from HTTPS to HTTP) and gives up connecting after {@link #TIMEOUT}. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(TIMEOUT)
                .build();
    }

    public URI base() {
        return base;
    }

    public List<RemoteFile> files() {
        return files;
    }

    /**
     * Downloads every file into {@code folder} (made if need be), one after the other.
     *
     * @return the folder, now holding every file
     * @throws DownloadCancelledException once {@code cancelled} says so or the thread is interrupted
     * @throws PlaygroundException if a file cannot be downloaded or written, or does not match its checksum
     */
    public Path downloadAll(Path folder, Consumer<DownloadProgress> progress, BooleanSupplier cancelled) {
        for (int i = 0; i < files.size(); i++) {
            new Transfer(files.get(i), i, folder, progress, cancelled).run();
        }
        return folder;
    }

    /** The download of one file. */
    private final class Transfer {
        private final RemoteFile file;
        private final int index;
        private final Path folder;
        private final Path target;
        private final Path part;
        private final URI uri;
        private final Consumer<DownloadProgress> progress;
        private final BooleanSupplier cancelled;

        Transfer(RemoteFile file, int index, Path folder, Consumer<DownloadProgress> progress,
                BooleanSupplier cancelled) {
            this.file = file;
            this.index = index;
            this.folder = folder;
            this.target = folder.resolve(file.name());
            this.part = folder.resolve(file.name() + ".part");
            this.uri = base.resolve(file.name());
            this.progress = progress;
            this.cancelled = cancelled;
        }

        void run() {
            checkCancelled();
            try {
                Files.createDirectories(folder);
                if (Files.isRegularFile(target) && md5(target).equals(file.md5())) {
                    long size = Files.size(target);
                    report(size, size);
                    return;
                }
            } catch (IOException e) {
                throw local("cannot be written into " + folder, e);
            }
            long have = partSize();
            Exchange exchange = exchange(have);
            if (exchange.status == 206 && exchange.writer == null) {
                // A range other than the one asked for: the part cannot be trusted to fit, so start afresh.
                deletePart();
                have = 0;
                exchange = exchange(0);
            }
            if (exchange.status == 416 && have > 0) {
                // Nothing beyond the part: it may already be the whole file, which its checksum tells.
                report(have, have);
            } else if (exchange.writer == null) {
                throw httpError(exchange.status);
            }
            finish();
        }

        /** What a request got: the status, and the writer of the part if the body went into it. */
        private record Exchange(int status, PartWriter writer) {
        }

        /**
         * Asks for the file from byte {@code from} on and, for a 200 or the 206 asked for, writes the body into the
         * part (appending from {@code from} for a 206, from the start for a 200), while this thread tells progress,
         * asks for cancellation and watches for a stalled server.
         */
        private Exchange exchange(long from) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(TIMEOUT)
                    .header("User-Agent", "neural-playground");
            if (from > 0) {
                request.header("Range", "bytes=" + from + "-");
            }
            AtomicReference<PartWriter> writer = new AtomicReference<>();
            HttpResponse.BodyHandler<Long> handler = info -> {
                int status = info.statusCode();
                boolean resumes = status == 206 && from > 0 && rangeStart(info.headers()) == from;
                if (status != 200 && !resumes) {
                    return HttpResponse.BodySubscribers.replacing(-1L);
                }
                long start = resumes ? from : 0;
                PartWriter w = new PartWriter(part, start, total(info.headers(), start));
                writer.set(w);
                return w;
            };
            CompletableFuture<HttpResponse<Long>> future = client.sendAsync(request.build(), handler);
            PartWriter seen = null;
            long reported = -1;
            long lastChange = System.nanoTime();
            while (true) {
                try {
                    HttpResponse<Long> response = future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    PartWriter w = writer.get();
                    if (w != null) {
                        if (w != seen) {
                            report(w.start(), w.total());
                        }
                        long done = w.done();
                        if (w.total() >= 0 && done != w.total()) {
                            throw failure(String.format(Locale.ROOT, "stopped after %,d of %,d bytes: they are kept "
                                    + "in %s, and downloading again continues from there", done, w.total(),
                                    part.getFileName()), null);
                        }
                        report(done, w.total() >= 0 ? w.total() : done);
                    }
                    return new Exchange(response.statusCode(), w);
                } catch (TimeoutException e) {
                    PartWriter w = writer.get();
                    if (w != null && w != seen) {
                        seen = w;
                        reported = w.start();
                        report(reported, w.total());
                    }
                    if (w != null && w.done() != reported) {
                        reported = w.done();
                        lastChange = System.nanoTime();
                        report(reported, w.total());
                    }
                    if (cancelled.getAsBoolean()) {
                        throw cancel(future, w, from);
                    }
                    if (w != null && System.nanoTime() - lastChange > idleTimeout.toNanos()) {
                        abandon(future, w);
                        throw failure(String.format(Locale.ROOT, "stopped after %,d%s bytes: the server sent nothing "
                                + "for %s; they are kept in %s, and downloading again continues from there",
                                w.done(), of(w.total()), duration(idleTimeout), part.getFileName()), null);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw cancel(future, writer.get(), from);
                } catch (ExecutionException e) {
                    PartWriter w = writer.get();
                    abandon(future, w);
                    throw failed(e.getCause(), w);
                }
            }
        }

        /** Stops the exchange and closes the part, which keeps what it holds. */
        private DownloadCancelledException cancel(CompletableFuture<?> future, PartWriter w, long from) {
            abandon(future, w);
            return new DownloadCancelledException(file.name(), w != null ? partSize() : from);
        }

        /** What a failed exchange means for the user. */
        private PlaygroundException failed(Throwable cause, PartWriter w) {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof PartWriter.WriteFailure failure) {
                    return local("cannot be written into " + folder, failure);
                }
            }
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                return failure("failed: cannot connect to " + uri.getHost() + " (" + describe(cause) + "): check the "
                        + "internet connection, or download the files by hand and choose their folder", cause);
            }
            if (cause instanceof HttpTimeoutException) {
                return failure("failed: the server did not answer within " + duration(TIMEOUT) + ": try again "
                        + "later", cause);
            }
            if (w != null) {
                return failure(String.format(Locale.ROOT, "stopped after %,d%s bytes (%s): they are kept in %s, and "
                        + "downloading again continues from there", w.done(), of(w.total()), describe(cause),
                        part.getFileName()), cause);
            }
            return failure("failed (" + describe(cause) + "): check the internet connection, or try again later",
                    cause);
        }

        /** The part becomes the file if its checksum is the published one; otherwise it is deleted. */
        private void finish() {
            String actual;
            try {
                actual = md5(part);
            } catch (IOException e) {
                throw local("cannot be read back from " + part, e);
            }
            if (!actual.equals(file.md5())) {
                deletePart();
                throw new PlaygroundException(file.name() + " as downloaded from " + uri + " does not match its "
                        + "published MD5 checksum (expected " + file.md5() + ", got " + actual + "): the download was "
                        + "damaged, or the file on the server has changed; it was deleted, so try again, and if it "
                        + "fails again download the files by hand");
            }
            try {
                try {
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw local("cannot be moved into place as " + target, e);
            }
        }

        private long partSize() {
            try {
                return Files.isRegularFile(part) ? Files.size(part) : 0;
            } catch (IOException e) {
                return 0;
            }
        }

        private void report(long done, long total) {
            progress.accept(new DownloadProgress(file.name(), index, files.size(), done, total));
        }

        private void checkCancelled() {
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw new DownloadCancelledException(file.name(), partSize());
            }
        }

        private void deletePart() {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                throw local("cannot be deleted (" + part + ")", e);
            }
        }

        private PlaygroundException httpError(int status) {
            if (status == 404 || status == 410) {
                return failure("failed: the server has no such file (HTTP " + status + "); the address may have "
                        + "changed, so download the files by hand and choose their folder", null);
            }
            return failure("failed: the server answered HTTP " + status + (status >= 500 ? "; try again later"
                    : "; download the files by hand and choose their folder"), null);
        }

        private PlaygroundException failure(String problem, Throwable cause) {
            return new PlaygroundException("Downloading " + file.name() + " from " + uri + " " + problem, cause);
        }

        private PlaygroundException local(String problem, IOException cause) {
            return new PlaygroundException("The download of " + file.name() + " " + problem + " (" + describe(cause)
                    + "): check the folder's permissions and free space", cause);
        }
    }

    /** Stops an exchange: the client drops the connection, and the part is closed before this returns. */
    private static void abandon(CompletableFuture<?> future, PartWriter writer) {
        future.cancel(true);
        if (writer != null) {
            writer.cancel();
        }
    }

    /**
     * Writes a response's body into the part file, on the HTTP client's threads, one list of buffers at a time.
     * It closes the file when the body ends, fails or is cancelled; {@link #cancel()} may come from another thread,
     * so writing and closing hold the writer's lock.
     */
    private static final class PartWriter implements HttpResponse.BodySubscriber<Long> {
        /** A problem of the local file, told apart from the network's. */
        static final class WriteFailure extends IOException {
            private static final long serialVersionUID = 1L;

            WriteFailure(IOException cause) {
                super(cause.getMessage(), cause);
            }
        }

        private final FileChannel channel;
        private final long start;
        private final long total;
        private final AtomicLong done;
        private final CompletableFuture<Long> body = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private boolean closed;

        /** Appends to {@code part} from {@code start} on, or for 0 writes it from the beginning. */
        PartWriter(Path part, long start, long total) {
            try {
                channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        start > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(new WriteFailure(e));
            }
            this.start = start;
            this.total = total;
            this.done = new AtomicLong(start);
        }

        /** The byte the body starts at. */
        long start() {
            return start;
        }

        /** The whole file's length, or −1 if unknown. */
        long total() {
            return total;
        }

        /** Bytes of the file in the part now. */
        long done() {
            return done.get();
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            synchronized (this) {
                subscription = s;
                if (closed) {
                    s.cancel();
                    return;
                }
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                try {
                    for (ByteBuffer b : buffers) {
                        while (b.hasRemaining()) {
                            done.addAndGet(channel.write(b));
                        }
                    }
                } catch (IOException e) {
                    closeQuietly();
                    subscription.cancel();
                    body.completeExceptionally(new WriteFailure(e));
                    return;
                }
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            synchronized (this) {
                closeQuietly();
            }
            body.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    channel.close();
                } catch (IOException e) {
                    body.completeExceptionally(new WriteFailure(e));
                    return;
                }
            }
            body.complete(done.get());
        }

        @Override
        public CompletionStage<Long> getBody() {
            return body;
        }

        /** Stops taking the body and closes the part, keeping what it holds. */
        void cancel() {
            Flow.Subscription s;
            synchronized (this) {
                closeQuietly();
                s = subscription;
            }
            if (s != null) {
                s.cancel();
            }
            body.cancel(false);
        }

        private void closeQuietly() {
            if (!closed) {
                closed = true;
                try {
                    channel.close();
                } catch (IOException e) {
                    // What was written stays; nothing more is.
                }
            }
        }
    }

    /** The first byte a 206 response holds, from its Content-Range, or −1 if it does not say. */
    private static long rangeStart(HttpHeaders headers) {
        Optional<Matcher> range = headers.firstValue("Content-Range").map(CONTENT_RANGE::matcher)
                .filter(Matcher::matches);
        return range.map(m -> Long.parseLong(m.group(1))).orElse(-1L);
    }

    /** The whole file's length: from Content-Range for a 206, from Content-Length otherwise; −1 if unknown. */
    private static long total(HttpHeaders headers, long from) {
        if (from > 0) {
            Optional<Matcher> range = headers.firstValue("Content-Range").map(CONTENT_RANGE::matcher)
                    .filter(Matcher::matches);
            if (range.isPresent() && !range.get().group(3).equals("*")) {
                return Long.parseLong(range.get().group(3));
            }
        }
        long length = headers.firstValueAsLong("Content-Length").orElse(-1);
        return length < 0 ? -1 : from + length;
    }

    /** "60 s", or "300 ms" for less than a whole number of seconds. */
    private static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String of(long total) {
        return total >= 0 ? String.format(Locale.ROOT, " of %,d", total) : "";
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    /** The MD5 of a file's bytes, in lower-case hex. */
    static String md5(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
