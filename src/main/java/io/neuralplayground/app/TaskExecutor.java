package io.neuralplayground.app;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Where background work runs and how its results come back: the window's work thread and
 * {@code Platform::runLater}, or the calling thread for both in tests (then a task has finished, callbacks and
 * all, when {@link BackgroundTask#run} returns).
 *
 * @param background runs the work, never on the FX thread in the window
 * @param fxThread   runs what the work's result does to the window, on the FX thread
 */
public record TaskExecutor(Executor background, Consumer<Runnable> fxThread) {
    public TaskExecutor {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(fxThread, "fxThread");
    }

    /** Work and callbacks on the calling thread, one after the other: for tests and scripted runs. */
    public static TaskExecutor currentThread() {
        return new TaskExecutor(Runnable::run, Runnable::run);
    }
}
