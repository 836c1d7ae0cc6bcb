package io.neuralplayground.engine.f32;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * {@link Gemm} on OpenBLAS's {@code cblas_sgemm}, the library and its native code coming from the
 * {@code org.bytedeco:openblas} artifacts (a jar per platform, unpacked by JavaCPP on first use).
 *
 * <p>The arrays are the engine's own Java arrays: JavaCPP hands them over by copy, which on the 784-128-10
 * network costs about a sixth of the epoch (measured side by side against direct buffers), and keeps every
 * other loop of the engine on plain arrays, which the JIT vectorizes and direct buffers it does not.
 */
public final class OpenBlasGemm implements Gemm {
    /** The native file JavaCPP loaded for OpenBLAS, once loaded. */
    private static String library;

    private final int threads;
    private final String version;

    private OpenBlasGemm(int threads, String version) {
        this.threads = threads;
        this.version = version;
    }

    /**
     * Loads OpenBLAS and sets its threads for the whole process (OpenBLAS has one setting).
     *
     * @throws LinkageError or a runtime exception when the native library does not load here
     */
    static OpenBlasGemm load(int threads) {
        library = org.bytedeco.javacpp.Loader.load(openblas_nolapack.class);
        openblas_nolapack.blas_set_num_threads(threads);
        // "OpenBLAS 0.3.31 " as the library's own header says it.
        String version = openblas_nolapack.OPENBLAS_VERSION.trim().replaceFirst("^OpenBLAS\\s*", "");
        return new OpenBlasGemm(threads, version.isEmpty() ? "" : " " + version);
    }

    /** The native file JavaCPP loaded (its JNI library, which links OpenBLAS), after {@link #load}. */
    static String library() {
        return library;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda,
            float[] b, int ldb, float beta, float[] c, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, m, n, k,
                alpha, a, lda, b, ldb, beta, c, ldc);
    }

    @Override
    public String description() {
        return "OpenBLAS" + version + " (native, " + threads + (threads == 1 ? " thread" : " threads") + ")";
    }

    @Override
    public boolean isNative() {
        return true;
    }
}
