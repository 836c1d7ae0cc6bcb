package io.neuralplayground.cli;

import java.util.Locale;

/** Durations for people: "under a second", "about 40 s", "about 12 min", "about 3.5 h". */
final class Durations {
    private Durations() {
    }

    /** {@code seconds} rounded to what an estimate can promise. */
    static String approximately(double seconds) {
        if (!(seconds >= 1)) {
            return "under a second";
        }
        if (seconds < 90) {
            return String.format(Locale.ROOT, "about %d s", Math.round(seconds));
        }
        if (seconds < 90 * 60) {
            return String.format(Locale.ROOT, "about %d min", Math.round(seconds / 60));
        }
        return String.format(Locale.ROOT, "about %.1f h", seconds / 3600);
    }
}
