package io.neuralplayground.ui;

/** Drives a window that is on screen (the screenshot and perf commands); runs on a background thread. */
@FunctionalInterface
public interface WindowScript {
    /** Does its work; the window closes when it returns or throws. */
    void run(WindowDriver window) throws Exception;
}
