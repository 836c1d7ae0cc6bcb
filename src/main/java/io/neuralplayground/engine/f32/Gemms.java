package io.neuralplayground.engine.f32;

/**
 * Chooses the matrix kernel: OpenBLAS where its native library loads, called without copying the arrays where
 * netlib's binding exists ({@link CriticalOpenBlasGemm}) and through JavaCPP otherwise ({@link OpenBlasGemm}); the
 * Java kernel where no native library loads. The system property {@value #PROPERTY} chooses: {@code java} the
 * Java kernel, {@code copy} OpenBLAS through JavaCPP (to compare them, or to stay off native code).
 */
public final class Gemms {
    /** {@code -Dneuralplayground.blas=java} forces the Java kernel, {@code =copy} OpenBLAS through JavaCPP. */
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
        OpenBlasGemm openBlas;
        try {
            openBlas = OpenBlasGemm.load(threads);
        } catch (LinkageError | RuntimeException e) {
            // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError: no library for this platform,
            // or nowhere to unpack it.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new JavaGemm("OpenBLAS did not load: " + why.lines().findFirst().orElse(why));
        }
        if ("copy".equalsIgnoreCase(System.getProperty(PROPERTY, ""))) {
            return openBlas;
        }
        try {
            return CriticalOpenBlasGemm.load(OpenBlasGemm.library(), openBlas);
        } catch (LinkageError | RuntimeException e) {
            // No netlib binding for this platform: the same OpenBLAS, its arrays copied.
            return openBlas;
        }
    }
}
