package io.neuralplayground.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.core.ThrowingRunnable;

/**
 * Frames run by a test that stands in for the FX thread, until the view model shows what the test waits for (no
 * frame at all when it shows already). A
 * wait that never ends fails after 20 s, naming what it waited for and what the view model showed then.
 *
 * <p>The condition is polled on the test's own thread ({@code pollInSameThread}): the view model belongs to one
 * thread, as it does to the FX thread in the window, so its frames and its properties are never touched from the
 * poller's thread.
 */
final class Frames {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private Frames() {
    }

    /**
     * Runs frames, a millisecond apart, while the session trains on its own thread, until {@code shown} holds: for a
     * playing session, whose epochs come when they come.
     */
    static void until(PlaygroundViewModel vm, String what, BooleanSupplier shown) {
        poll(vm, what, shown, vm::onFrame);
    }

    /**
     * Lets the session apply every command given so far, then runs a frame, until {@code shown} holds: for a paused
     * session driven by commands (epochs trained, a file opened), where it holds at the first frame unless the work
     * the commands started (a file written) ends later.
     */
    static void afterCommandsUntil(PlaygroundViewModel vm, String what, BooleanSupplier shown) {
        poll(vm, what, shown, () -> {
            vm.session().sync();
            vm.onFrame();
        });
    }

    private static void poll(PlaygroundViewModel vm, String what, BooleanSupplier shown, ThrowingRunnable frame) {
        await(what).atMost(PATIENCE).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .untilAsserted(() -> {
                    // What already shows needs no frame: a frame could show something newer.
                    if (!shown.getAsBoolean()) {
                        frame.run();
                    }
                    assertThat(shown.getAsBoolean())
                            .as(() -> what + ", at epoch " + vm.epochProperty().get() + " with the message \""
                                    + vm.messageProperty().get() + "\"")
                            .isTrue();
                });
    }
}
