package io.neuralplayground.engine.f32;

/**
 * {@link Gemm} in plain Java: the fallback where no native library loads. The loops are ordered so that the
 * innermost one runs along a stored row of B and C (i-p-j), which the JIT compiles to vector instructions; only
 * A·Bᵀ is a dot product per element. Several times slower than OpenBLAS on large layers, exact in the same way
 * (each element a sum of float products, in a fixed order).
 */
public final class JavaGemm implements Gemm {
    private final String reason;

    /** @param reason why the native kernel is not used, said in {@link #description()} */
    public JavaGemm(String reason) {
        this.reason = reason;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda,
            float[] b, int ldb, float beta, float[] c, int ldc) {
        scale(m, n, beta, c, ldc);
        if (alpha == 0 || k == 0) {
            return;
        }
        if (!transB) {
            // C[i, :] += α·op(A)[i, p]·B[p, :]
            for (int i = 0; i < m; i++) {
                int ci = i * ldc;
                for (int p = 0; p < k; p++) {
                    float s = alpha * (transA ? a[p * lda + i] : a[i * lda + p]);
                    if (s == 0) {
                        continue;
                    }
                    int bp = p * ldb;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += s * b[bp + j];
                    }
                }
            }
            return;
        }
        // op(B) = Bᵀ: C[i, j] += α·Σp op(A)[i, p]·B[j, p]
        for (int i = 0; i < m; i++) {
            int ci = i * ldc;
            for (int j = 0; j < n; j++) {
                int bj = j * ldb;
                float sum = 0;
                if (transA) {
                    for (int p = 0; p < k; p++) {
                        sum += a[p * lda + i] * b[bj + p];
                    }
                } else {
                    int ai = i * lda;
                    for (int p = 0; p < k; p++) {
                        sum += a[ai + p] * b[bj + p];
                    }
                }
                c[ci + j] += alpha * sum;
            }
        }
    }

    private static void scale(int m, int n, float beta, float[] c, int ldc) {
        if (beta == 1) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int ci = i * ldc;
            for (int j = 0; j < n; j++) {
                c[ci + j] = beta == 0 ? 0 : beta * c[ci + j];
            }
        }
    }

    @Override
    public String description() {
        return "Java matrix kernel (no native BLAS: " + reason + ")";
    }

    @Override
    public boolean isNative() {
        return false;
    }
}
