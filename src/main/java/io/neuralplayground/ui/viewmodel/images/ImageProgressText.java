package io.neuralplayground.ui.viewmodel.images;

import io.neuralplayground.session.images.ImageSnapshot;
import java.util.Locale;

/** What the progress bar says of a snapshot: "epoch 3 of 30 · 21,000 / 54,000 images · 18,500 images/s · 2 s left". */
public final class ImageProgressText {
    private ImageProgressText() {
    }

    /** The line under the progress bar. */
    public static String of(ImageSnapshot s) {
        if (s.examplesDone() == 0 && !s.playing()) {
            return String.format(Locale.ROOT, "%d of %d epochs trained · %,d images each", s.epoch(),
                    s.epochsTarget(), s.epochSize());
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "epoch %d of %d · %,d / %,d images",
                s.epoch() + 1, s.epochsTarget(), s.examplesDone(), s.epochSize()));
        if (s.playing() && s.imagesPerSecond() > 0) {
            text.append(String.format(Locale.ROOT, " · %,.0f images/s", roundRate(s.imagesPerSecond())));
            if (Double.isFinite(s.secondsLeft())) {
                text.append(" · ").append(duration(s.secondsLeft())).append(" left");
            }
        }
        return text.toString();
    }

    /** The share of the epoch under way that is done, 0 to 1 (1 once every epoch is trained). */
    public static double fraction(ImageSnapshot s) {
        if (s.epoch() >= s.epochsTarget() && s.examplesDone() == 0) {
            return 1;
        }
        return s.epochSize() == 0 ? 0 : (double) s.examplesDone() / s.epochSize();
    }

    /** Three significant digits: a rate that moves by a few images a second should not flicker in its last digits. */
    static double roundRate(double rate) {
        if (rate < 1000) {
            return Math.round(rate);
        }
        double unit = Math.pow(10, Math.floor(Math.log10(rate)) - 2);
        return Math.round(rate / unit) * unit;
    }

    /** "2 s", "1 min 05 s", "1 h 02 min". */
    public static String duration(double seconds) {
        long s = Math.max(0, Math.round(Math.ceil(seconds)));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
    }
}
