package io.neuralplayground.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The thread a training session trains on, watched, so that a test can prove that the session has nothing left
 * to do ("paused, so no epoch comes") instead of sleeping a while and hoping that a wrong epoch would have come by
 * then.
 *
 * <p>Why waiting is the proof: a session trains only on its own thread, and that thread waits (state
 * {@link Thread.State#WAITING}) in one place only, for its next command, and only when it may not train (paused,
 * or at one epoch per frame without a frame). Training, publishing and logging never wait (the log's lock would
 * show as {@code BLOCKED}, not {@code WAITING}). So once the thread waits, and until the test gives the session a
 * command, no epoch can come: what the session shows then is final. A session that trains when it should not never
 * waits, and {@link #awaitIdle()} fails.
 *
 * <p>The thread is found by making the session in a thread group of its own: a thread belongs to the group of the
 * thread that starts it.
 *
 * @param <T> what was made: the session, or something that makes one (a view model)
 */
public final class SessionThread<T> {
    /** The name {@code TrainingSession} gives its thread. */
    private static final String NAME = "training-session";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final T made;
    private final Thread thread;

    private SessionThread(T made, Thread thread) {
        this.made = made;
        this.thread = thread;
    }

    /** Runs {@code maker}, which starts one training session, and finds that session's thread. */
    public static <T> SessionThread<T> start(Supplier<T> maker) {
        ThreadGroup group = new ThreadGroup("watched-session");
        AtomicReference<T> made = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread starter = new Thread(group, () -> {
            try {
                made.set(maker.get());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "session-maker");
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the session", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        Thread[] threads = new Thread[group.activeCount() + 8];
        List<Thread> sessions = new ArrayList<>();
        for (Thread t : Arrays.asList(threads).subList(0, group.enumerate(threads))) {
            if (t.getName().equals(NAME)) {
                sessions.add(t);
            }
        }
        assertThat(sessions).as("the threads named %s that the maker started", NAME).hasSize(1);
        return new SessionThread<>(made.get(), sessions.get(0));
    }

    /** What the maker made. */
    public T made() {
        return made;
    }

    /**
     * Waits until the session's thread waits for a command: from then on, until the test gives the session one,
     * it trains nothing.
     *
     * @throws AssertionError if it does not wait within 20 s (it keeps training), with where it is
     */
    public void awaitIdle() {
        await("the training thread waiting for a command").atMost(PATIENCE)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .untilAsserted(() -> assertThat(thread.getState())
                        .as(() -> "the training thread's state, at " + where()).isEqualTo(Thread.State.WAITING));
    }

    private String where() {
        return Arrays.stream(thread.getStackTrace()).limit(8).map(String::valueOf)
                .collect(Collectors.joining(" < "));
    }
}
