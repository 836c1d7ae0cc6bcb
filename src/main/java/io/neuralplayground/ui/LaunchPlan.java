package io.neuralplayground.ui;

import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.session.Speed;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the window starts: its settings and size, and for the {@code screenshot} and {@code perf} commands a
 * script that drives it once it is on screen.
 *
 * @param settings     the first network and data
 * @param speed        one epoch per frame, or flat out
 * @param showTestData whether the output plot shows the test points
 * @param discretize   whether the output plot is discretized
 * @param width        window width
 * @param height       window height
 * @param script       run on a background thread once the window shows, or null for a person to use it
 * @param open         a session or network file to open once the window shows (as File ▸ Open does), or null
 */
public record LaunchPlan(PlaygroundSettings settings, Speed speed, boolean showTestData, boolean discretize,
        double width, double height, WindowScript script, Path open) {

    public LaunchPlan {
        Objects.requireNonNull(settings);
        Objects.requireNonNull(speed);
    }

    /** The window as a person opens it: Playground's defaults, 1400 × 860. */
    public static LaunchPlan interactive() {
        return new LaunchPlan(PlaygroundSettings.defaults(), Speed.ONE_PER_FRAME, false, false, 1400, 860, null,
                null);
    }

    /** The same plan, opening {@code file} (a session or a network) once the window shows. */
    public LaunchPlan opening(Path file) {
        return new LaunchPlan(settings, speed, showTestData, discretize, width, height, script, file);
    }
}
