package io.neuralplayground.engine.f32;

/**
 * The one matrix product the float32 engine is built on, in BLAS's {@code sgemm} form with row-major matrices:
 * <pre>
 *   C ← α·op(A)·op(B) + β·C        op(X) = X or Xᵀ
 * </pre>
 * where op(A) is m × k, op(B) is k × n and C is m × n, each stored row by row from index 0 of its array with
 * the given leading dimension (the length of a stored row). β = 0 ignores what C held, NaN included, as BLAS does.
 *
 * <p>Two implementations: {@link OpenBlasGemm} (native OpenBLAS from its Maven artifact) and {@link JavaGemm} (plain
 * Java, slower, always there); {@link Gemms#best} picks one.
 */
public interface Gemm {

    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda, float[] b,
            int ldb, float beta, float[] c, int ldc);

    /** What it is, for the status bar and {@code bench}: "OpenBLAS 0.3.31 (native, 1 thread)". */
    String description();

    /** Whether the products run in native code. */
    boolean isNative();
}
