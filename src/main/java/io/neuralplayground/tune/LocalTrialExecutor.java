package io.neuralplayground.tune;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trials on a fixed pool of threads of this machine, each trial on one thread. Daemon threads named
 * "trial-1", "trial-2" …, so that an abandoned search does not keep the application alive.
 */
public final class LocalTrialExecutor implements TrialExecutor {
    private final int threads;
    private final ExecutorService pool;

    /** One thread per core. */
    public LocalTrialExecutor() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public LocalTrialExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a trial executor needs at least one thread, not " + threads);
        }
        this.threads = threads;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "trial-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public CompletableFuture<TrialResult> submit(TrialJob job) {
        return CompletableFuture.supplyAsync(job::run, pool);
    }

    @Override
    public int slots() {
        return threads;
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
