package io.neuralplayground.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a new network's parameters are drawn. Weights are drawn layer by layer, in the kernel's row-major order
 * (input i, then unit j), from the generator given, so one seed gives the same network every time.
 */
public enum Initializer {
    /** TF Playground's: weights uniform in [−0.5, 0.5), biases 0.1. */
    PLAYGROUND("playground") {
        @Override
        double weight(Rng rng, int fanIn, int fanOut) {
            return rng.nextDouble() - 0.5;
        }

        @Override
        double bias() {
            return 0.1;
        }
    },
    /** Keras' default: uniform in [−ℓ, ℓ) with ℓ = √(6 / (fan_in + fan_out)), biases 0. */
    GLOROT_UNIFORM("glorot_uniform") {
        @Override
        double weight(Rng rng, int fanIn, int fanOut) {
            double limit = Math.sqrt(6.0 / (fanIn + fanOut));
            return rng.uniform(-limit, limit);
        }
    },
    /**
     * Keras' {@code he_normal}: a normal truncated at two standard deviations, with σ = √(2 / fan_in) / 0.8796…
     * (Keras divides by the standard deviation of the standard normal truncated to [−2, 2] so that the drawn
     * weights have variance 2 / fan_in); biases 0.
     */
    HE_NORMAL("he_normal") {
        @Override
        double weight(Rng rng, int fanIn, int fanOut) {
            double sigma = Math.sqrt(2.0 / fanIn) / TRUNCATED_NORMAL_STDDEV;
            double z;
            do {
                z = rng.nextGaussian();
            } while (Math.abs(z) > 2);
            return sigma * z;
        }
    },
    /** All weights and biases 0 (useful to show why symmetry must be broken). */
    ZEROS("zeros") {
        @Override
        double weight(Rng rng, int fanIn, int fanOut) {
            return 0;
        }
    };

    /** Standard deviation of the standard normal truncated to [−2, 2], the constant Keras uses. */
    static final double TRUNCATED_NORMAL_STDDEV = 0.87962566103423978;

    private final String name;

    Initializer(String name) {
        this.name = name;
    }

    public String initializerName() {
        return name;
    }

    abstract double weight(Rng rng, int fanIn, int fanOut);

    double bias() {
        return 0;
    }

    /** Draws every parameter of {@code network} afresh; frozen links come back to life. */
    public void initialize(Network network, Rng rng) {
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            for (int i = 0; i < layer.inputs(); i++) {
                for (int j = 0; j < layer.units(); j++) {
                    layer.setWeight(i, j, weight(rng, layer.inputs(), layer.units()));
                }
            }
            for (int j = 0; j < layer.units(); j++) {
                layer.setBias(j, bias());
            }
        }
    }

    public static Initializer byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Initializer initializer : values()) {
            if (initializer.name.equals(wanted)) {
                return initializer;
            }
        }
        throw new IllegalArgumentException("unknown initializer '" + name + "' (known: "
                + Arrays.stream(values()).map(Initializer::initializerName).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return name;
    }
}
