package io.neuralplayground.engine.f32;

/**
 * Chooses the matrix kernel: OpenBLAS where its native library loads, the Java kernel otherwise (and when the
 * system property {@value #PROPERTY} is {@code java}, to compare them or to stay off native code).
 */
public final class Gemms {
    /** {@code -Dneuralplayground.blas=java} forces the Java kernel. */
    public static final String PROPERTY = "neuralplayground.blas";

    private Gemms() {
    }

    /**
     * The fastest kernel that works here, with {@code threads} threads for the native one (the Java kernel uses
     * one). Never fails: a library that does not load gives the Java kernel, whose description says why.
     */
    public static synchronized Gemm best(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        if ("java".equalsIgnoreCase(System.getProperty(PROPERTY, ""))) {
            return new JavaGemm(PROPERTY + "=java");
        }
        try {
            return OpenBlasGemm.load(threads);
        } catch (LinkageError | RuntimeException e) {
            // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError: no library for this platform,
            // or nowhere to unpack it.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new JavaGemm("OpenBLAS did not load: " + why.lines().findFirst().orElse(why));
        }
    }
}
