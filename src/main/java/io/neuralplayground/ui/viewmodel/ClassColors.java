package io.neuralplayground.ui.viewmodel;

/**
 * The colours of the classes, as ARGB ints like {@link ColorScale}'s: TF Playground's orange and blue for the
 * first two, then the Okabe–Ito palette (Okabe and Ito, "Color Universal Design", 2008), which was chosen to stay
 * distinguishable for viewers with the common colour-vision deficiencies: bluish green, reddish purple, vermillion,
 * yellow, sky blue and grey-black. Points, the colour key, the confusion matrix and the output plot all take their
 * class colours from here. Beyond ten classes the colours repeat.
 */
public final class ClassColors {
    private static final int[] PALETTE = {
        ColorScale.ORANGE, ColorScale.BLUE, 0xFF009E73, 0xFFCC79A7, 0xFFD55E00, 0xFFF0E442, 0xFF56B4E9, 0xFF000000,
        0xFF999999, 0xFF882255,
    };

    private ClassColors() {
    }

    /** The colour of class {@code k} (0-based). */
    public static int of(int k) {
        return PALETTE[Math.floorMod(k, PALETTE.length)];
    }

    /** How many classes have a colour of their own. */
    public static int distinct() {
        return PALETTE.length;
    }

    /**
     * The output plot's colour of a point where class {@code k} is the most probable, with probability
     * {@code p} out of {@code classes}: grey where the network is undecided (p = 1/k, every class as likely), the
     * class's full colour where it is sure (p = 1), linear in between.
     */
    public static int confident(int k, double p, int classes) {
        if (Double.isNaN(p)) {
            return ColorScale.GREY;
        }
        double chance = 1.0 / classes;
        double t = Math.max(0, Math.min(1, (p - chance) / (1 - chance)));
        return ColorScale.mix(ColorScale.GREY, of(k), t);
    }

    /** A class's picture in its own neuron: grey at probability 0, the class's colour at 1. */
    public static int probability(int k, double p) {
        return Double.isNaN(p) ? ColorScale.GREY : ColorScale.mix(ColorScale.GREY, of(k), Math.max(0, Math.min(1, p)));
    }
}
