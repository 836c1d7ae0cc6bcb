package io.neuralplayground.io.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A class exported by {@link JavaExport}, compiled in this JVM by the JDK's own compiler ({@code javax.tools}) as
 * a user would ({@code javac --release 8}, since the file promises Java 8, with every lint warning an error; nothing
 * else on its class path), and loaded by a class loader of its own.
 */
final class CompiledJava {
    private final Class<?> type;

    private CompiledJava(Class<?> type) {
        this.type = type;
    }

    /** The result of compiling: the class, or the compiler's messages. */
    record Result(CompiledJava compiled, String diagnostics) {
        CompiledJava orFail() {
            assertThat(compiled).as(diagnostics).isNotNull();
            return compiled;
        }
    }

    /** Compiles {@code source} (a file named after its class) into {@code classes} and loads the class. */
    static Result compile(Path source, Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("the JDK's compiler (tests run on a JDK, not a JRE)").isNotNull();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.US_ASCII)) {
            Files.createDirectories(classes);
            List<String> options = List.of("--release", "8", "-Xlint:all", "-Werror", "-encoding", "US-ASCII",
                    "-d", classes.toString(), "-classpath", classes.toString(), "-implicit:none");
            boolean ok = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(source.toFile())).call();
            String messages = diagnostics.getDiagnostics().stream()
                    .map(d -> d.getKind() + " " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            if (!ok || diagnostics.getDiagnostics().stream().anyMatch(d -> d.getKind() != Diagnostic.Kind.NOTE)) {
                return new Result(null, messages.isEmpty() ? "failed without a message" : messages);
            }
            String name = source.getFileName().toString().replaceFirst("\\.java$", "");
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    CompiledJava.class.getClassLoader());
            return new Result(new CompiledJava(Class.forName(name, true, loader)), messages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the compiled class is not where its name says", e);
        }
    }

    Class<?> type() {
        return type;
    }

    /** {@code predict(x)}. */
    double[] predict(double[] x) {
        try {
            Method predict = type.getMethod("predict", double[].class);
            return (double[]) predict.invoke(null, (Object) x.clone());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no public static double[] predict(double[])", e);
        }
    }

    double[][] predict(double[][] x) {
        double[][] y = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            y[r] = predict(x[r]);
        }
        return y;
    }

    List<String> inputs() {
        return List.of((String[]) field("INPUTS"));
    }

    double[][] kernel(int layer) {
        return (double[][]) field("KERNEL_" + layer);
    }

    double[] bias(int layer) {
        return (double[]) field("BIAS_" + layer);
    }

    private Object field(String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no field " + name, e);
        }
    }

    /** The names of the class's static fields, to see no more weights than layers. */
    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            names.add(f.getName());
        }
        return names;
    }
}
