package io.neuralplayground.app;

import io.neuralplayground.PlaygroundException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One piece of slow work for the window (reading, writing, checking a file), in the spirit of JabRef's
 * {@code BackgroundTask}: what it needs is captured when it is made, on the FX thread; the work runs on the
 * {@link TaskExecutor}'s background executor and touches nothing of the window; its result or its failure comes back
 * on the FX thread, to the callbacks. A {@link PlaygroundException} is a failure the user reads (a bad file); any
 * other exception is a bug, reported to the same callback with what it was, never lost on a worker thread.
 *
 * <pre>{@code
 * PlaygroundSettings now = vm.settings();                       // on the FX thread
 * BackgroundTask.of(() -> ModelFiles.importInto(path, now))
 *         .onSuccess(imported -> vm.load(imported.settings(), imported.network()))
 *         .onFailure(e -> error("The model could not be opened", e.getMessage()))
 *         .run(executor);
 * }</pre>
 *
 * @param <T> what the work gives
 */
public final class BackgroundTask<T> {
    private final Callable<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<? super PlaygroundException> onFailure = failure -> { };

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    /** A task that does {@code work}; it must not read or change the window's state. */
    public static <T> BackgroundTask<T> of(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    /** What to do with the result, on the FX thread. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> callback) {
        onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    /** What to tell the user when the work fails, on the FX thread. */
    public BackgroundTask<T> onFailure(Consumer<? super PlaygroundException> callback) {
        onFailure = Objects.requireNonNull(callback);
        return this;
    }

    /**
     * Starts the work.
     *
     * @return completes on the FX thread after the callback: true when the work succeeded
     */
    public CompletableFuture<Boolean> run(TaskExecutor executor) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        executor.background().execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (PlaygroundException e) {
                executor.fxThread().accept(() -> finish(done, () -> onFailure.accept(e), false));
                return;
            } catch (Exception | Error e) {
                PlaygroundException bug = new PlaygroundException("Something went wrong that should not have: " + e,
                        e);
                executor.fxThread().accept(() -> finish(done, () -> onFailure.accept(bug), false));
                if (e instanceof Error error && !(e instanceof StackOverflowError)) {
                    throw error;
                }
                return;
            }
            executor.fxThread().accept(() -> finish(done, () -> onSuccess.accept(result), true));
        });
        return done;
    }

    private static void finish(CompletableFuture<Boolean> done, Runnable callback, boolean succeeded) {
        try {
            callback.run();
            done.complete(succeeded);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            throw e;
        }
    }
}
