package io.neuralplayground.testing;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Files that are not regular files, for tests of writers that must leave them alone. Java cannot make a named
 * pipe, so {@code mkfifo} (coreutils, on every Linux and macOS) does; a socket Java can bind itself.
 */
public final class SpecialFiles {
    private SpecialFiles() {
    }

    /** A named pipe (FIFO) at {@code path}. */
    public static Path fifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        if (!mkfifo.waitFor(30, TimeUnit.SECONDS)) {
            mkfifo.destroyForcibly();
            throw new IOException("mkfifo " + path + " did not finish");
        }
        String said = new String(mkfifo.getInputStream().readAllBytes());
        if (mkfifo.exitValue() != 0 || !Files.exists(path)) {
            throw new IOException("mkfifo " + path + " failed (" + mkfifo.exitValue() + "): " + said);
        }
        return path;
    }

    /**
     * A Unix domain socket at {@code path}, bound and listening; the file stays when the channel is closed. Keep
     * the path short: a socket's path may hold about a hundred bytes.
     */
    public static Path socket(Path path) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
        }
        return path;
    }
}
