package io.neuralplayground.data.images;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web server on 127.0.0.1 (a free port) serving files from memory under {@code /data/}, for download tests
 * that need no internet. It honours {@code Range: bytes=N-} unless told not to, can stall halfway through a file
 * (until {@link #release()}) and can drop the connection halfway, and it records what was asked and sent.
 */
final class FileServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    /** The Range header of every request, or "" for none, in order. */
    final List<String> ranges = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicLong bytesSent = new AtomicLong();
    volatile boolean honourRange = true;
    /** Whether responses declare their length (Content-Length) or are sent chunked. */
    volatile boolean declareLength = true;
    /** Stop sending after this many bytes of a response and wait for {@link #release()}; −1 never. */
    volatile long stallAfter = -1;
    /** Close the connection after this many bytes of a response; −1 never. */
    volatile long dropAfter = -1;
    /** A pause after every chunk of 16 KiB, so that a download takes a while. */
    volatile int pauseMillis;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);

    FileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/data/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data/");
    }

    /** Lets a stalled response go on. */
    void release() {
        released.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String range = exchange.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "" : range);
        String name = exchange.getRequestURI().getPath().substring("/data/".length());
        byte[] content = files.get(name);
        if (content == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        int from = 0;
        Matcher m = range == null ? null : RANGE.matcher(range);
        if (honourRange && m != null && m.matches()) {
            from = (int) Math.min(Long.parseLong(m.group(1)), Integer.MAX_VALUE);
            if (from >= content.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
                exchange.sendResponseHeaders(416, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Range",
                    "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
        }
        int length = content.length - from;
        exchange.sendResponseHeaders(from > 0 ? 206 : 200, declareLength ? length : 0);
        OutputStream out = exchange.getResponseBody();
        try {
            int sent = 0;
            while (sent < length) {
                int n = Math.min(1 << 14, length - sent);
                if (dropAfter >= 0 && sent + n > dropAfter) {
                    // Ends the exchange with bytes missing: the client sees the connection close.
                    out.write(content, from + sent, (int) (dropAfter - sent));
                    bytesSent.addAndGet(dropAfter - sent);
                    out.flush();
                    exchange.close();
                    return;
                }
                out.write(content, from + sent, n);
                sent += n;
                bytesSent.addAndGet(n);
                if (pauseMillis > 0) {
                    out.flush();
                    Thread.sleep(pauseMillis);
                }
                if (stallAfter >= 0 && sent >= stallAfter) {
                    out.flush();
                    released.await(30, TimeUnit.SECONDS);
                    stallAfter = -1;
                }
            }
            out.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (a cancelled download): nothing to answer.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
