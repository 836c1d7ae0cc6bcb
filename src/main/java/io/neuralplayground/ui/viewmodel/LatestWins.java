package io.neuralplayground.ui.viewmodel;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Work off the FX thread where only the newest request matters (JavaFX {@code Task.updateValue}'s idea): while
 * one request is being worked on, newer ones replace each other and only the newest is done next; the newest
 * result waits in a slot until taken. The FX thread asks and takes, and never waits.
 *
 * @param <I> what is asked for
 * @param <O> what comes back
 */
public final class LatestWins<I, O> {
    private final Executor executor;
    private final Function<I, O> work;
    private final AtomicReference<I> pending = new AtomicReference<>();
    private final AtomicReference<O> finished = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();

    /** @param work run on {@code executor}, one request at a time */
    public LatestWins(Executor executor, Function<I, O> work) {
        this.executor = Objects.requireNonNull(executor);
        this.work = Objects.requireNonNull(work);
    }

    /** Asks for {@code request} to be worked on; returns at once. */
    public void request(I request) {
        pending.set(Objects.requireNonNull(request));
        if (running.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    /** The newest result not taken yet, or null. */
    public O take() {
        return finished.getAndSet(null);
    }

    private void drain() {
        try {
            for (I r = pending.getAndSet(null); r != null; r = pending.getAndSet(null)) {
                finished.set(work.apply(r));
            }
        } finally {
            running.set(false);
        }
        // A request that came in between the last poll and the reset must not wait for the next one.
        if (pending.get() != null && running.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }
}
