package io.neuralplayground.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.PlaygroundException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundTaskTest {
    @Test
    void theWorkRunsInTheBackgroundAndItsResultComesBackOnTheOtherThread() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker"));
        // A stand-in for the FX thread: callbacks are queued and run here, on the test's thread.
        LinkedBlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();
        List<String> seen = new ArrayList<>();
        try {
            var done = BackgroundTask.of(() -> {
                seen.add("work on " + Thread.currentThread().getName());
                return 42;
            }).onSuccess(result -> seen.add("result " + result + " on " + Thread.currentThread().getName()))
                    .run(new TaskExecutor(worker, fxQueue::add));
            fxQueue.poll(10, TimeUnit.SECONDS).run();
            assertThat(done.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(seen).containsExactly("work on worker", "result 42 on " + Thread.currentThread().getName());
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void aRefusalGoesToTheFailureCallbackAsItIs() throws Exception {
        List<String> seen = new ArrayList<>();
        var done = BackgroundTask.of(() -> {
            throw new PlaygroundException("bad.json: not valid JSON");
        }).onSuccess(r -> seen.add("success")).onFailure(e -> seen.add(e.getMessage()))
                .run(TaskExecutor.currentThread());
        assertThat(done).isCompletedWithValue(false);
        assertThat(seen).containsExactly("bad.json: not valid JSON");
    }

    @Test
    void aBugIsReportedToTheFailureCallbackNotLostOnTheWorker() {
        List<PlaygroundException> seen = new ArrayList<>();
        var done = BackgroundTask.of(() -> List.of().get(3)).onFailure(seen::add).run(TaskExecutor.currentThread());
        assertThat(done).isCompletedWithValue(false);
        assertThat(seen).singleElement().satisfies(e -> {
            assertThat(e.getMessage()).contains("IndexOutOfBoundsException");
            assertThat(e.getCause()).isInstanceOf(IndexOutOfBoundsException.class);
        });
    }

    @Test
    void withTheCurrentThreadExecutorEverythingHasHappenedWhenRunReturns() {
        List<String> seen = new ArrayList<>();
        var done = BackgroundTask.of(() -> "x").onSuccess(seen::add).run(TaskExecutor.currentThread());
        assertThat(seen).containsExactly("x");
        assertThat(done).isCompletedWithValue(true);
    }
}
