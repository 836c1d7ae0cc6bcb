package io.neuralplayground.ui;

import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.util.Arrays;
import javafx.animation.AnimationTimer;

/**
 * The once-a-frame pulse of the window: hands each frame to the view model (which takes the session's newest
 * snapshot) and, when asked, records frame times for the {@code perf} command.
 */
final class FrameLoop extends AnimationTimer {
    private final PlaygroundViewModel vm;
    private final Runnable alsoEachFrame;
    private long lastFrame;
    private long[] intervals = new long[4096];
    private int recorded;
    private volatile boolean recording;
    private volatile long frames;

    FrameLoop(PlaygroundViewModel vm) {
        this(vm, () -> { });
    }

    /** @param alsoEachFrame more of the window's once-a-frame work (the Images tab's newest snapshot) */
    FrameLoop(PlaygroundViewModel vm, Runnable alsoEachFrame) {
        this.vm = vm;
        this.alsoEachFrame = alsoEachFrame;
    }

    @Override
    public void handle(long now) {
        vm.onFrame();
        alsoEachFrame.run();
        frames++;
        if (recording && lastFrame != 0) {
            if (recorded == intervals.length) {
                intervals = Arrays.copyOf(intervals, recorded * 2);
            }
            intervals[recorded++] = now - lastFrame;
        }
        lastFrame = now;
    }

    /** Frames handled so far. */
    long frames() {
        return frames;
    }

    /** Starts recording frame intervals afresh (call on the FX thread). */
    void startRecording() {
        recorded = 0;
        recording = true;
    }

    /** Stops recording and returns the recorded frame intervals in nanoseconds (call on the FX thread). */
    long[] stopRecording() {
        recording = false;
        return Arrays.copyOf(intervals, recorded);
    }
}
