package io.neuralplayground.io;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of models for the round-trip and fuzz properties. */
public final class ModelGenerators {
    /** Doubles whose decimal form is known to be hard to get right, or which are easy to lose on the way. */
    public static final double[] SPECIAL_DOUBLES = {
        0.0, -0.0, 0.1, -0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 1.0, -1.0,
        Double.MIN_VALUE, -Double.MIN_VALUE, 2 * Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
        Math.nextDown(Double.MIN_NORMAL), Math.nextUp(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE,
        Math.nextDown(Double.MAX_VALUE), 1e23, 8.41e21, 2.0e-3, 9.007199254740993e15, 4.35679e-10,
        5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 123456789012345680.0, 1e-5, 1e7, 0.001,
        Math.PI, Math.E, Math.ulp(1.0), 1 + Math.ulp(1.0), 1 - Math.ulp(1.0) / 2,
    };

    private ModelGenerators() {
    }

    /**
     * Any finite double, every bit pattern equally likely (so subnormals, huge and tiny exponents all come up),
     * mixed with the special ones and with ordinary small weights.
     */
    public static Arbitrary<Double> weights() {
        Arbitrary<Double> anyBits = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<Double> subnormal = Arbitraries.longs().between(1, (1L << 52) - 1)
                .map(bits -> Double.longBitsToDouble(bits) * (bits % 2 == 0 ? 1 : -1));
        Arbitrary<Double> special = Arbitraries.of(boxed(SPECIAL_DOUBLES));
        Arbitrary<Double> ordinary = Arbitraries.doubles().between(-5, 5);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, anyBits),
                net.jqwik.api.Tuple.of(1, subnormal),
                net.jqwik.api.Tuple.of(2, special),
                net.jqwik.api.Tuple.of(2, ordinary));
    }

    /**
     * Finite doubles no larger than {@code bound} in magnitude, any bit pattern (so subnormals and tiny exponents
     * come up), mixed with the special ones within the bound and ordinary values: weights a forward pass cannot
     * overflow with, for comparing the computations of exported files.
     */
    public static Arbitrary<Double> boundedWeights(double bound) {
        Arbitrary<Double> anyBits = Arbitraries.longs().map(Double::longBitsToDouble)
                .filter(d -> Double.isFinite(d) && Math.abs(d) <= bound);
        Arbitrary<Double> subnormal = Arbitraries.longs().between(1, (1L << 52) - 1)
                .map(bits -> Double.longBitsToDouble(bits) * (bits % 2 == 0 ? 1 : -1));
        Arbitrary<Double> special = Arbitraries.of(boxed(java.util.Arrays.stream(SPECIAL_DOUBLES)
                .filter(d -> Math.abs(d) <= bound).toArray()));
        Arbitrary<Double> ordinary = Arbitraries.doubles().between(-bound, bound);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, anyBits),
                net.jqwik.api.Tuple.of(1, subnormal),
                net.jqwik.api.Tuple.of(2, special),
                net.jqwik.api.Tuple.of(4, ordinary));
    }

    /** Networks of 1–5 inputs and 1–4 layers (so from no hidden layer to three) of 1–6 units. */
    public static Arbitrary<Network> networks() {
        return networks(weights());
    }

    /** As {@link #networks()}, with weights and biases drawn from {@code weights}. */
    public static Arbitrary<Network> networks(Arbitrary<Double> weights) {
        Arbitrary<List<Integer>> shapes = Arbitraries.integers().between(1, 6).list().ofMinSize(2).ofMaxSize(5);
        return shapes.flatMap(shape -> {
            List<Arbitrary<DenseLayer>> layers = new ArrayList<>();
            for (int l = 1; l < shape.size(); l++) {
                layers.add(layer(shape.get(l - 1), shape.get(l), weights));
            }
            return Combinators.combine(layers).as(list -> new Network(shape.get(0), list));
        });
    }

    public static Arbitrary<DenseLayer> layer(int inputs, int units) {
        return layer(inputs, units, weights());
    }

    public static Arbitrary<DenseLayer> layer(int inputs, int units, Arbitrary<Double> weights) {
        Arbitrary<double[]> kernel = weights.list().ofSize(inputs * units).map(ModelGenerators::unboxed);
        Arbitrary<double[]> bias = weights.list().ofSize(units).map(ModelGenerators::unboxed);
        Arbitrary<Activation> activation = Arbitraries.of(Activation.class);
        return Combinators.combine(kernel, bias, activation).as((k, b, a) -> {
            double[][] rows = new double[inputs][units];
            for (int i = 0; i < inputs; i++) {
                System.arraycopy(k, i * units, rows[i], 0, units);
            }
            return new DenseLayer(rows, b, a);
        });
    }

    /**
     * Input names a file may hold: feature ids, CSV headers with spaces, quotes, backslashes, line separators,
     * non-ASCII; no control characters, which every reader refuses ({@code InputNames}; the exporters' escaping
     * of those is tested with {@link ExportTestModels#ODD_NAMES}).
     */
    public static Arbitrary<String> names() {
        Arbitrary<String> ids = Arbitraries.of("x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2");
        Arbitrary<String> odd = Arbitraries.of("petal length (cm)", "say \"hi\"", "back\\slash", "Größe", "温度",
                "emoji 😀", "\u2028sep", " lead", "trail ", "\u00a0nbsp", "\ufeffbom");
        Arbitrary<String> random = Arbitraries.strings().withCharRange('\u0000', '\ud7ff').ofMinLength(1)
                .ofMaxLength(12).filter(s -> !s.isBlank()
                        && io.neuralplayground.data.InputNames.controlCharacterProblem(s) == null);
        return Arbitraries.oneOf(ids, odd, random);
    }

    /** Models of these networks, their inputs named with distinct names drawn from {@code names}, no extras. */
    public static Arbitrary<Model> models(Arbitrary<Network> networks, Arbitrary<String> names) {
        return networks.flatMap(network -> names.list().ofSize(network.inputs()).uniqueElements()
                .map(inputs -> new Model(inputs, network)));
    }

    public static Arbitrary<Model> models() {
        return networks().flatMap(network -> Combinators.combine(
                names().list().ofSize(network.inputs()).uniqueElements(),
                extras()).as((inputs, extras) -> new Model(inputs, network, extras)));
    }

    /** Extra top-level fields: JSON values nested up to three deep, under names that are not reserved. */
    static Arbitrary<Map<String, Object>> extras() {
        Arbitrary<String> keys = Arbitraries.oneOf(
                Arbitraries.of("seed", "training", "history", "note", "Format", "layer", "inputs2", ""),
                names()).filter(k -> !Model.RESERVED.contains(k));
        return Arbitraries.maps(keys, jsonValues(3)).ofMaxSize(4).map(LinkedHashMap::new);
    }

    static Arbitrary<Object> jsonValues(int depth) {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.bigIntegers().between(new java.math.BigInteger("-1" + "0".repeat(30)),
                        new java.math.BigInteger("1" + "0".repeat(30))).map(b -> (Object) b),
                weights().map(d -> (Object) d),
                names().map(s -> (Object) s));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<Object> lists = jsonValues(depth - 1).list().ofMaxSize(3).map(l -> (Object) l);
        Arbitrary<Object> maps = Arbitraries.maps(names(), jsonValues(depth - 1)).ofMaxSize(3)
                .map(m -> (Object) new LinkedHashMap<>(m));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, scalars),
                net.jqwik.api.Tuple.of(1, lists),
                net.jqwik.api.Tuple.of(1, maps));
    }

    private static Double[] boxed(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    private static double[] unboxed(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
