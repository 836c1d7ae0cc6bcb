package io.neuralplayground.cli;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.ui.App;
import io.neuralplayground.ui.LaunchPlan;

/** Opens the window, turning "there is no display" into a message a person can act on. */
final class Launcher {
    private Launcher() {
    }

    static void openWindow(LaunchPlan plan) throws Exception {
        try {
            App.launch(plan);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("DISPLAY") || why.contains("display") || why.contains("Toolkit")) {
                throw new PlaygroundException("Cannot open the window: no display (" + why
                        + "). On a machine without a screen run the command under 'xvfb-run -a'.", e);
            }
            throw e;
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
