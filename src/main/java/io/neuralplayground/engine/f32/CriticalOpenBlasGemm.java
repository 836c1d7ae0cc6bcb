package io.neuralplayground.engine.f32;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link Gemm} on the same bundled OpenBLAS as {@link OpenBlasGemm}, called through Spark's netlib binding
 * ({@code dev.ludovic.netlib:blas}), which hands the Java arrays to native code in place (JNI critical arrays)
 * instead of copying them in and out as JavaCPP does: on the 784-128-10 network that copy is about a sixth of
 * the epoch. The binding's native part exists for Linux (x86-64, ARM64); elsewhere {@link Gemms} takes
 * {@link OpenBlasGemm}.
 *
 * <p>netlib's {@code sgemm} is Fortran's, column-major: the row-major C = op(A)·op(B) is the column-major
 * Cᵀ = op(B)ᵀ·op(A)ᵀ, the same arrays with the operands swapped.
 */
final class CriticalOpenBlasGemm implements Gemm {
    /** netlib's property naming the native BLAS library to open. */
    private static final String LIBRARY_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";

    private final BLAS blas;
    private final String description;

    private CriticalOpenBlasGemm(BLAS blas, String description) {
        this.blas = blas;
        this.description = description;
    }

    /**
     * Points netlib at the OpenBLAS that JavaCPP unpacked (so threads set there hold here too).
     *
     * @param library the file JavaCPP loaded, whose dependencies hold OpenBLAS's {@code sgemm_}
     * @throws UnsupportedOperationException when netlib has no native binding here or cannot open the library
     */
    static CriticalOpenBlasGemm load(String library, OpenBlasGemm sameLibrary) {
        // netlib says on standard error which of its fallbacks it could not load: the fallback here is our own.
        Logger.getLogger("dev.ludovic.netlib").setLevel(Level.OFF);
        if (System.getProperty(LIBRARY_PROPERTY) == null) {
            System.setProperty(LIBRARY_PROPERTY, library);
        }
        BLAS blas = BLAS.getInstance();
        if (!(blas instanceof NativeBLAS)) {
            throw new UnsupportedOperationException("netlib has no native binding for this platform");
        }
        float[] c = new float[1];
        blas.sgemm("N", "N", 1, 1, 1, 1, new float[] {2}, 1, new float[] {3}, 1, 0, c, 1);
        if (c[0] != 6) {
            throw new UnsupportedOperationException("netlib's native sgemm gave 2·3 = " + c[0]);
        }
        return new CriticalOpenBlasGemm(blas, sameLibrary.description().replace(")", ", arrays in place)"));
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda,
            float[] b, int ldb, float beta, float[] c, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        blas.sgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, alpha, b, ldb, a, lda, beta, c, ldc);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean isNative() {
        return true;
    }
}
