// Small single- and double-precision matrix products for ganbook's toy GANs.
//
// Why our own kernels: Debian's OpenBLAS chooses its kernel from a table of
// known CPUs and falls back to its slowest (SSE3) one on CPUs it does not
// know, so the same binary ran 3x slower on a newer machine. These kernels
// pick a path from the CPU's features (AVX-512F, AVX2+FMA, or portable C) and
// need no table.
//
// Why the same bytes on every path: every output element is one chain of
// fused multiply-adds over the inner index, in order p = 0, 1, ..., k-1,
// starting from its initial value (0, the bias, or the old C). Vector paths
// only compute many such chains side by side; they never split a chain. A
// fused multiply-add is correctly rounded everywhere, so each path gives the
// same bits.
#ifndef GANBOOK_MATRIX_KERNELS_H
#define GANBOOK_MATRIX_KERNELS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The code paths, best last. `GANBOOK_KERNEL=portable|avx2|avx512` forces one.
typedef enum {
    GK_PATH_PORTABLE = 0,
    GK_PATH_AVX2 = 1,
    GK_PATH_AVX512 = 2,
} gk_path;

/// What to do with the product before storing it.
typedef enum {
    GK_STORE = 0,       ///< C = initial + op(A)op(B)
    GK_ACCUMULATE = 1,  ///< C = C + op(A)op(B): the initial value is the old C
} gk_mode;

/// The path in use on this thread: the one gk_set_path chose for it, else the
/// best this CPU supports, unless GANBOOK_KERNEL forced another (an
/// unsupported or unknown forced path leaves it unchanged and makes
/// gk_forced_path_error() non-null).
gk_path gk_current_path(void);
/// Uses `path` on the calling thread from now on, if the CPU supports it;
/// returns whether it does. Other threads keep theirs, so the kernel tests
/// can try every path while other tests train on the process's own. A
/// negative `path` returns the thread to the process's path.
int gk_set_path(gk_path path);
/// Whether this CPU can run `path`.
int gk_path_supported(gk_path path);
/// A message when GANBOOK_KERNEL named a path that cannot be used, else NULL.
const char *gk_forced_path_error(void);

/// C (m x n, row stride ldc) = op(A) op(B) [+ bias per column | + old C],
/// row-major, where op(A) is m x k and op(B) is k x n. `bias` (n values) may
/// be NULL. When `activated` is not NULL it receives, with the same stride,
/// max(z, slope*z) of every element z of C: ReLU for slope 0, leaky ReLU for
/// 0 < slope < 1.
void gk_sgemm(int transpose_a, int transpose_b, int m, int n, int k,
              const float *a, int lda, const float *b, int ldb,
              const float *bias, gk_mode mode, float *c, int ldc,
              float *activated, float slope);

/// The same in double precision, on the portable path only (for the tests'
/// finite-difference checks, where speed does not matter).
void gk_dgemm(int transpose_a, int transpose_b, int m, int n, int k,
              const double *a, int lda, const double *b, int ldb,
              const double *bias, gk_mode mode, double *c, int ldc,
              double *activated, double slope);

/// Element-wise steps of training (elementwise.c), on the current path.
/// Adam (Kingma & Ba 2015): m <- b1 m + (1-b1) g; s <- b2 s + (1-b2) g^2;
/// v <- v - lr (m/c1) / (sqrt(s/c2) + eps), with c1, c2 the bias corrections.
void gk_adam(float *v, const float *g, float *m, float *s, long count, float lr, float b1, float b2,
             float c1, float c2, float eps);
/// RMSProp as PyTorch computes it: s <- alpha s + (1-alpha) g^2; v <- v - lr g / (sqrt(s) + eps).
void gk_rmsprop(float *v, const float *g, float *s, long count, float lr, float alpha, float eps);
/// d <- d where z > 0, else slope * d (the derivative of ReLU or leaky ReLU; +0 for ReLU).
void gk_relu_like_backward(float *d, const float *z, long count, float slope);
/// sums[c] += sum over rows r of x[r][c], rows in order.
void gk_add_column_sums(float *sums, const float *x, long rows, long columns);

/// y = exp(x) for x <= 0 (0 below -87), identical on every path; within 2 ulp of expf.
void gk_exp_nonpositive(float *y, const float *x, long count);
/// Minibatch discrimination's pairwise part (Salimans et al. 2016, sec. 3.2),
/// from mt, the (kernels*dim) x n transpose of the projected features:
/// close[b][j][i] = exp(-L1 distance of samples i and j in kernel b), and
/// o[i*ldo + b] = sum over j in order of close[b][j][i].
void gk_minibatch_forward(const float *mt, long n, long kernels, long dim, float *close, float *o, long ldo);
/// Its backward pass: dmt (the gradient of mt, same layout) from
/// g[i*ldg + b] = dL/do[i][b]; w is scratch for n floats.
void gk_minibatch_backward(const float *mt, const float *close, const float *g, long ldg, long n, long kernels,
                           long dim, float *dmt, float *w);

#ifdef __cplusplus
}
#endif

#endif
