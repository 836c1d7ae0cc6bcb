package io.neuralplayground.io.export;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelLimits;
import io.neuralplayground.io.ModelWriter;
import io.neuralplayground.io.Printable;
import io.neuralplayground.io.keras.KerasNetworks;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A standalone Java source file (Java 8 or later, no dependencies) that computes the model:
 * {@code public static double[] predict(double[] x)}, the weights as {@code static final double[][]} kernels
 * ({@code KERNEL_0[i][j]}: from input i to unit j) and {@code double[]} biases, the activations, {@code INPUTS},
 * and a {@code main} that reads the inputs from its arguments and prints the outputs. The class is named after
 * the file ({@code Model.java} holds {@code public final class Model}), as Java requires; names of classes the
 * code itself uses ({@code Math}, {@code String} …) are refused. Documented in {@code docs/export-formats.md}.
 *
 * <p>Weights are written with {@link Double#toString}, so the compiled class holds exactly the playground's
 * doubles. A class's static initializer may hold at most 64 KB of bytecode, and every array literal costs some
 * (up to 8 bytes a number, 10 more a kernel row), so networks whose weights, biases and kernel rows number more
 * than {@link #MAX_LITERAL_PARAMETERS} get their weights as text that the class parses once when it is loaded
 * (still exact); more than {@link #MAX_PARAMETERS} parameters or {@link #MAX_LAYERS} layers are refused. Input
 * names likewise: more than {@link #MAX_LITERAL_NAMES}, or one longer than {@link #MAX_LITERAL_NAME_LENGTH}
 * characters (a string constant holds at most 65 535 bytes), and they are written as text the class parses.
 */
public final class JavaExport implements ModelWriter {
    /**
     * Up to this many weights, biases and kernel rows together are written as array literals (at most 10 bytes
     * of bytecode each, 40 KB of the 64 KB a static initializer may have).
     */
    public static final int MAX_LITERAL_PARAMETERS = 4_000;
    /** The most weights and biases a Java file can take (the class's constant pool holds its text). */
    public static final int MAX_PARAMETERS = 2_000_000;
    /** The most layers a Java file can take: each costs fields, constants and bytecode of the initializer. */
    public static final int MAX_LAYERS = 1_000;
    /** Up to this many input names are written as an array literal of strings (8 bytes of bytecode each). */
    public static final int MAX_LITERAL_NAMES = 1_000;
    /** Input names up to this long (in UTF-16 characters) are written as string literals. */
    public static final int MAX_LITERAL_NAME_LENGTH = 1_000;
    /** The most characters all input names together may have (written as text, in chunks). */
    public static final int MAX_NAME_CHARACTERS = 10_000_000;
    /** Numbers per string literal for large networks: a string constant may have at most 65 535 bytes. */
    private static final int NUMBERS_PER_CHUNK = 2_000;
    /** Characters of names per string literal: at most 3 bytes each in the class file, so below 65 535 bytes. */
    private static final int CHARACTERS_PER_CHUNK = 20_000;

    /** Words that cannot name a class (keywords, literals and, since Java 10–17, restricted type names). */
    private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_", "var", "yield", "record", "sealed",
            "permits");
    /**
     * The classes of {@code java.lang} the generated code names: a class of the same name would hide them inside
     * itself ({@code Math.max} would mean the exported class), and the file would not compile.
     */
    private static final Set<String> USED_FROM_JAVA_LANG = Set.of("Double", "IllegalArgumentException", "Integer",
            "Math", "String", "System");

    @Override
    public void write(Model model, Path file) {
        String className = className(file);
        ModelLimits.requireFinite(model, file);
        String tooLarge = tooLarge(model);
        if (tooLarge != null) {
            throw new PlaygroundException("Cannot save " + file + ": " + tooLarge + " a Java source file can hold: "
                    + "export it as .npz or model JSON and load that instead");
        }
        Exports.writeSource(model, file, m -> source(m, className));
    }

    /** What is more than a Java file can hold ("the network has … layers, more than the …"), or null. */
    private static String tooLarge(Model model) {
        Network network = model.network();
        int parameters = network.parameterCount();
        if (parameters > MAX_PARAMETERS) {
            return "the network has " + parameters + " weights and biases, more than the " + MAX_PARAMETERS;
        }
        if (network.depth() > MAX_LAYERS) {
            return "the network has " + network.depth() + " layers, more than the " + MAX_LAYERS;
        }
        long characters = 0;
        for (String name : model.inputs()) {
            characters += name.length();
        }
        if (characters > MAX_NAME_CHARACTERS) {
            return "the names of the inputs have " + characters + " characters together, more than the "
                    + MAX_NAME_CHARACTERS;
        }
        return null;
    }

    /**
     * The class name a file asks for: its name without {@code .java}.
     *
     * @throws PlaygroundException when the name does not end in {@code .java} or is no valid class name
     */
    public static String className(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        if (!name.endsWith(".java")) {
            throw new PlaygroundException("Cannot save " + file + ": a Java source file must be named after its "
                    + "class and end in .java, e.g. Model.java");
        }
        String stem = name.substring(0, name.length() - ".java".length());
        if (!isClassName(stem)) {
            throw new PlaygroundException("Cannot save " + file + ": Java names the class after its file, and \""
                    + Printable.of(stem) + "\" is not a valid Java class name (letters, digits, _ and $, not "
                    + "starting with a digit, not a keyword): name the file e.g. Model.java");
        }
        if (USED_FROM_JAVA_LANG.contains(stem)) {
            throw new PlaygroundException("Cannot save " + file + ": Java names the class after its file, and a "
                    + "class named " + stem + " would hide java.lang." + stem + ", which the exported code uses: "
                    + "name the file e.g. Model.java");
        }
        return stem;
    }

    static boolean isClassName(String s) {
        if (s.isEmpty() || RESERVED.contains(s) || !Character.isJavaIdentifierStart(s.codePointAt(0))) {
            return false;
        }
        return s.codePoints().allMatch(Character::isJavaIdentifierPart)
                && s.codePoints().noneMatch(cp -> Character.isIdentifierIgnorable(cp));
    }

    /** The source of class {@code className} (ASCII); every parameter must be finite. */
    public static String source(Model model, String className) {
        if (!isClassName(className) || USED_FROM_JAVA_LANG.contains(className)) {
            throw new IllegalArgumentException("not a valid class name for the exported class: " + className);
        }
        String tooLarge = tooLarge(model);
        if (tooLarge != null) {
            throw new IllegalArgumentException(tooLarge + " a Java source file can hold");
        }
        // A class name may have letters beyond ASCII; the file stays ASCII with them as Unicode escapes.
        String name = Exports.javaIdentifier(className);
        Network network = model.network();
        long literalCount = 0;
        for (DenseLayer layer : network.layers()) {
            literalCount += (long) layer.inputs() * layer.units() + layer.units() + layer.inputs();
        }
        boolean literals = literalCount <= MAX_LITERAL_PARAMETERS;
        boolean literalNames = model.inputs().size() <= MAX_LITERAL_NAMES
                && model.inputs().stream().allMatch(n -> n.length() <= MAX_LITERAL_NAME_LENGTH);
        StringBuilder java = new StringBuilder();
        java.append("/**\n * A neural network exported from Neural Playground: ").append(network.describe())
                .append(" (inputs, then the units of each layer).\n *\n")
                .append(" * <p>Standalone: needs nothing but Java 8 or later. {@code predict} takes the inputs in "
                        + "the order of\n * {@link #INPUTS}; each layer computes {@code a[j] = bias[j] + sum_i h[i] "
                        + "* kernel[i][j]}, then its\n * activation. The weights are exactly the playground's doubles."
                        + "\n *\n * <pre>\n *   javac ").append(name).append(".java && java ")
                .append(name).append(" 0.5 -1.2\n * </pre>\n */\n");
        java.append("public final class ").append(name).append(" {\n");
        java.append("    /** The names of the inputs, in the order {@link #predict} takes them. */\n");
        if (literalNames) {
            java.append("    public static final String[] INPUTS = {");
            for (int i = 0; i < model.inputs().size(); i++) {
                java.append(i == 0 ? "" : ", ").append(Exports.javaString(model.inputs().get(i)));
            }
            java.append("};\n\n");
        } else {
            java.append("    public static final String[] INPUTS = names(").append(model.inputs().size());
            nameChunks(java, model.inputs());
            java.append(");\n\n");
        }
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            java.append("    /** ").append(KerasNetworks.layerName(l)).append(": ").append(layer.inputs())
                    .append(" inputs x ").append(layer.units()).append(" units, ")
                    .append(layer.activation().kerasName()).append("; [i][j] is the weight from input i to unit j. */\n");
            java.append("    static final double[][] KERNEL_").append(l).append(" = ");
            double[][] kernel = layer.kernelCopy();
            if (literals) {
                java.append("{\n");
                for (double[] row : kernel) {
                    java.append("        ");
                    literal(java, row);
                    java.append(",\n");
                }
                java.append("    };\n");
            } else {
                double[] flat = new double[layer.inputs() * layer.units()];
                for (int i = 0; i < kernel.length; i++) {
                    System.arraycopy(kernel[i], 0, flat, i * layer.units(), layer.units());
                }
                java.append("matrix(").append(layer.inputs()).append(", ").append(layer.units());
                chunks(java, flat);
                java.append(");\n");
            }
            java.append("    static final double[] BIAS_").append(l).append(" = ");
            if (literals) {
                literal(java, layer.biasCopy());
                java.append(";\n\n");
            } else {
                java.append("matrix(1, ").append(layer.units());
                chunks(java, layer.biasCopy());
                java.append(")[0];\n\n");
            }
        }
        java.append("    private ").append(name).append("() {\n    }\n\n");
        java.append("    /** The outputs of the network for the inputs {@code x}, one per input of {@link #INPUTS}. */\n")
                .append("    public static double[] predict(double[] x) {\n")
                .append("        if (x.length != INPUTS.length) {\n")
                .append("            throw new IllegalArgumentException(\"expected \" + INPUTS.length + \" inputs, "
                        + "got \" + x.length);\n        }\n")
                .append("        double[] h = x;\n");
        for (int l = 0; l < network.depth(); l++) {
            java.append("        h = ").append(methodName(network.layer(l).activation())).append("(dense(h, KERNEL_")
                    .append(l).append(", BIAS_").append(l).append("));\n");
        }
        java.append("        return h;\n    }\n\n");
        java.append("""
                    private static double[] dense(double[] h, double[][] kernel, double[] bias) {
                        double[] a = bias.clone();
                        for (int i = 0; i < h.length; i++) {
                            double[] row = kernel[i];
                            for (int j = 0; j < a.length; j++) {
                                a[j] += h[i] * row[j];
                            }
                        }
                        return a;
                    }

                """);
        Set<Activation> used = EnumSet.noneOf(Activation.class);
        for (DenseLayer layer : network.layers()) {
            used.add(layer.activation());
        }
        for (Activation activation : used) {
            java.append(function(activation)).append('\n');
        }
        if (!literalNames) {
            java.append("""
                        /** Parses the input names, written as text: each name after its length and a colon. */
                        private static String[] names(int count, String... chunks) {
                            String all = String.join("", chunks);
                            String[] names = new String[count];
                            int at = 0;
                            for (int i = 0; i < count; i++) {
                                int colon = all.indexOf(':', at);
                                int length = Integer.parseInt(all.substring(at, colon));
                                names[i] = all.substring(colon + 1, colon + 1 + length);
                                at = colon + 1 + length;
                            }
                            return names;
                        }

                    """);
        }
        if (!literals) {
            java.append("""
                        /** Parses the weights of large networks, written as text (a class can hold few literals). */
                        private static double[][] matrix(int rows, int cols, String... chunks) {
                            double[][] m = new double[rows][cols];
                            int k = 0;
                            for (String chunk : chunks) {
                                for (String number : chunk.split(" ")) {
                                    m[k / cols][k % cols] = Double.parseDouble(number);
                                    k++;
                                }
                            }
                            return m;
                        }

                    """);
        }
        java.append("""
                    /** Prints the outputs for the inputs given as arguments, one number each. */
                    public static void main(String[] args) {
                        if (args.length != INPUTS.length) {
                            System.err.println("usage: java %1$s " + String.join(" ", INPUTS));
                            System.exit(2);
                        }
                        double[] x = new double[args.length];
                        for (int i = 0; i < args.length; i++) {
                            x[i] = Double.parseDouble(args[i]);
                        }
                        for (double y : predict(x)) {
                            System.out.println(y);
                        }
                    }
                }
                """.formatted(name));
        return java.toString();
    }

    private static void literal(StringBuilder java, double[] values) {
        java.append('{');
        for (int j = 0; j < values.length; j++) {
            java.append(j == 0 ? "" : ", ").append(Exports.number(values[j]));
        }
        java.append('}');
    }

    /** The numbers as string literals of at most {@link #NUMBERS_PER_CHUNK} numbers, each an argument. */
    private static void chunks(StringBuilder java, double[] values) {
        for (int start = 0; start < values.length; start += NUMBERS_PER_CHUNK) {
            java.append(",\n            \"");
            int end = Math.min(values.length, start + NUMBERS_PER_CHUNK);
            for (int k = start; k < end; k++) {
                java.append(k == start ? "" : " ").append(Exports.number(values[k]));
            }
            java.append('"');
        }
    }

    /**
     * The names as string literals of at most {@link #CHARACTERS_PER_CHUNK} characters, each an argument: every
     * name as its length, a colon and the name. A chunk never ends between the two halves of a surrogate pair.
     */
    private static void nameChunks(StringBuilder java, List<String> names) {
        StringBuilder text = new StringBuilder();
        for (String n : names) {
            text.append(n.length()).append(':').append(n);
        }
        for (int start = 0; start < text.length(); ) {
            int end = Math.min(text.length(), start + CHARACTERS_PER_CHUNK);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            java.append(",\n            ").append(Exports.javaString(text.substring(start, end)));
            start = end;
        }
    }

    private static String methodName(Activation activation) {
        return switch (activation) {
            case LINEAR -> "linear";
            case RELU -> "relu";
            case LEAKY_RELU -> "leakyRelu";
            case ELU -> "elu";
            case TANH -> "tanh";
            case SIGMOID -> "sigmoid";
            case SOFTMAX -> "softmax";
        };
    }

    private static String function(Activation activation) {
        String name = methodName(activation);
        String head = "    private static double[] " + name + "(double[] a) {\n";
        String elementwise = head + "        double[] h = new double[a.length];\n"
                + "        for (int j = 0; j < a.length; j++) {\n            h[j] = %s;\n        }\n"
                + "        return h;\n    }\n";
        return switch (activation) {
            case LINEAR -> head + "        return a;\n    }\n";
            case RELU -> elementwise.formatted("Math.max(a[j], 0.0)");
            case LEAKY_RELU -> "    /** Keras' leaky_relu, negative slope " + Activation.LEAKY_SLOPE + ". */\n"
                    + elementwise.formatted("a[j] > 0 ? a[j] : " + Activation.LEAKY_SLOPE + " * a[j]");
            case ELU -> "    /** Keras' elu, alpha " + Activation.ELU_ALPHA + ". */\n"
                    + elementwise.formatted("a[j] > 0 ? a[j] : " + Activation.ELU_ALPHA + " * Math.expm1(a[j])");
            case TANH -> elementwise.formatted("Math.tanh(a[j])");
            case SIGMOID -> "    /** 1 / (1 + e^-a), without overflow for large |a|. */\n"
                    + elementwise.formatted("a[j] >= 0 ? 1 / (1 + Math.exp(-a[j])) "
                            + ": Math.exp(a[j]) / (1 + Math.exp(a[j]))");
            case SOFTMAX -> "    /** Over the units, shifted by the largest so that exp cannot overflow. */\n" + head
                    + "        double max = Double.NEGATIVE_INFINITY;\n"
                    + "        for (double v : a) {\n            max = Math.max(max, v);\n        }\n"
                    + "        double[] h = new double[a.length];\n        double sum = 0;\n"
                    + "        for (int j = 0; j < a.length; j++) {\n            h[j] = Math.exp(a[j] - max);\n"
                    + "            sum += h[j];\n        }\n"
                    + "        for (int j = 0; j < a.length; j++) {\n            h[j] /= sum;\n        }\n"
                    + "        return h;\n    }\n";
        };
    }
}
