// Element-wise loops of training, compiled once per path: the optimisers'
// updates, the activations' derivatives, and column sums. They use only
// IEEE-exact operations (+, -, *, /, sqrt, compare) with contraction off,
// so every vector width gives the bits of the portable loop.
#include "matrix_kernels.h"
#include <math.h>

#pragma clang fp contract(off)

// sqrtf without errno (its argument is never negative here), so loops vectorise.
#if __has_builtin(__builtin_elementwise_sqrt)
#define SQRT(x) __builtin_elementwise_sqrt(x)
#else
#define SQRT(x) sqrtf(x)
#endif

// Defines NAME(PARAMS) that runs the body (the last argument) compiled for the current path.
#define PATHS(NAME, PARAMS, ARGS, ...)                                                      \
    static inline __attribute__((always_inline)) void NAME##_body PARAMS __VA_ARGS__        \
    X86_CLONES(NAME, PARAMS, ARGS)                                                          \
    void NAME PARAMS {                                                                      \
        X86_DISPATCH(NAME, ARGS)                                                            \
        NAME##_body ARGS;                                                                   \
    }

#if defined(__x86_64__)
#define X86_CLONES(NAME, PARAMS, ARGS)                                                      \
    __attribute__((target("avx512f"))) static void NAME##_avx512 PARAMS { NAME##_body ARGS; } \
    __attribute__((target("avx2,fma"))) static void NAME##_avx2 PARAMS { NAME##_body ARGS; }
#define X86_DISPATCH(NAME, ARGS)                                                            \
    switch (gk_current_path()) {                                                            \
    case GK_PATH_AVX512: NAME##_avx512 ARGS; return;                                        \
    case GK_PATH_AVX2: NAME##_avx2 ARGS; return;                                            \
    default: break;                                                                         \
    }
#else
#define X86_CLONES(NAME, PARAMS, ARGS)
#define X86_DISPATCH(NAME, ARGS)
#endif

PATHS(gk_adam, (float *restrict v, const float *restrict g, float *restrict m, float *restrict s, long count, float lr, float b1, float b2,
                float c1, float c2, float eps),
      (v, g, m, s, count, lr, b1, b2, c1, c2, eps), {
          const float ob1 = 1 - b1, ob2 = 1 - b2;
          for (long i = 0; i < count; i++) {
              m[i] = b1 * m[i] + ob1 * g[i];
              s[i] = b2 * s[i] + ob2 * g[i] * g[i];
              v[i] -= lr * (m[i] / c1) / (SQRT(s[i] / c2) + eps);
          }
      })

PATHS(gk_rmsprop, (float *restrict v, const float *restrict g, float *restrict s, long count, float lr, float alpha, float eps),
      (v, g, s, count, lr, alpha, eps), {
          const float oa = 1 - alpha;
          for (long i = 0; i < count; i++) {
              s[i] = alpha * s[i] + oa * g[i] * g[i];
              v[i] -= lr * g[i] / (SQRT(s[i]) + eps);
          }
      })

PATHS(gk_relu_like_backward, (float *d, const float *z, long count, float slope), (d, z, count, slope), {
    if (slope == 0)  // ReLU: +0, never the -0 of 0 * d for d < 0
        for (long i = 0; i < count; i++) d[i] = z[i] > 0 ? d[i] : 0;
    else
        for (long i = 0; i < count; i++) d[i] = z[i] > 0 ? d[i] : slope * d[i];
})

PATHS(gk_add_column_sums, (float *sums, const float *x, long rows, long columns), (sums, x, rows, columns), {
    for (long r = 0; r < rows; r++)
        for (long c = 0; c < columns; c++) sums[c] += x[r * columns + c];
})

// exp(x) for x <= 0, the same bits in every lane of every path: Cody-Waite
// reduction x = n ln2 + r with |r| <= ln2/2, then the degree-7 Taylor
// polynomial of e^r (truncation < 2e-8 relative) in fused multiply-adds,
// scaled by 2^n through the exponent bits. Below -87.3 it returns 0 (the
// result would be subnormal). Within 2 ulp of expf (tested).
static inline __attribute__((always_inline)) float exp_nonpositive(float x) {
    const float clamped = x < -87.0f ? -87.0f : x;
    const float n = rintf(clamped * 1.44269504088896341f);
    float r = fmaf(n, -0.693145751953125f, clamped);  // ln2, high part: exact product
    r = fmaf(n, -1.42860682030941723212e-6f, r);     // ln2, low part
    float p = 1.0f / 5040.0f;
    p = fmaf(p, r, 1.0f / 720.0f);
    p = fmaf(p, r, 1.0f / 120.0f);
    p = fmaf(p, r, 1.0f / 24.0f);
    p = fmaf(p, r, 1.0f / 6.0f);
    p = fmaf(p, r, 0.5f);
    p = fmaf(p, r, 1.0f);
    p = fmaf(p, r, 1.0f);
    union { int i; float f; } scale = {.i = ((int)n + 127) << 23};
    return x < -87.0f ? 0.0f : p * scale.f;
}

PATHS(gk_exp_nonpositive, (float *restrict y, const float *restrict x, long count), (y, x, count), {
    for (long i = 0; i < count; i++) y[i] = exp_nonpositive(x[i]);
})

// Minibatch discrimination (Salimans et al. 2016, sec. 3.2), the pairwise
// part. m is n x (kernels*dim), row i holding sample i's kernels side by side;
// mt is its transpose, so that loops run along samples i and vectorise.
// close[b][j][i] = exp(-sum_d |m[i][b dim + d] - m[j][b dim + d]|), d in order;
// o[i * ldo + b] = sum over j = 0, 1, ..., n-1 of close[b][j][i].
PATHS(gk_minibatch_forward, (const float *restrict mt, long n, long kernels, long dim, float *restrict close,
                             float *restrict o, long ldo), (mt, n, kernels, dim, close, o, ldo), {
    for (long b = 0; b < kernels; b++) {
        float *cb = close + b * n * n;
        for (long j = 0; j < n; j++) {
            float *row = cb + j * n;
            for (long i = 0; i < n; i++) row[i] = 0;
            for (long d = 0; d < dim; d++) {
                const float *md = mt + (b * dim + d) * n;
                const float mj = md[j];
                for (long i = 0; i < n; i++) row[i] += fabsf(md[i] - mj);
            }
            for (long i = 0; i < n; i++) row[i] = exp_nonpositive(-row[i]);
        }
        for (long i = 0; i < n; i++) o[i * ldo + b] = 0;
        for (long j = 0; j < n; j++)
            for (long i = 0; i < n; i++) o[i * ldo + b] += cb[j * n + i];
    }
})

// The backward pass: with g[i * ldg + b] = dL/do[i][b] and w_ij = (g_i + g_j) close_ij,
// dmt[b dim + d][i] = sum over j in order of w_ij * sign(m_j - m_i) (in that coordinate).
// j = i adds w * 0. wt is scratch of n floats.
PATHS(gk_minibatch_backward, (const float *restrict mt, const float *restrict close, const float *restrict g, long ldg,
                              long n, long kernels, long dim, float *restrict dmt, float *restrict w),
      (mt, close, g, ldg, n, kernels, dim, dmt, w), {
    for (long k = 0; k < kernels * dim * n; k++) dmt[k] = 0;
    for (long b = 0; b < kernels; b++) {
        const float *cb = close + b * n * n;
        for (long j = 0; j < n; j++) {
            const float gj = g[j * ldg + b];
            for (long i = 0; i < n; i++) w[i] = (g[i * ldg + b] + gj) * cb[j * n + i];
            for (long d = 0; d < dim; d++) {
                const float *md = mt + (b * dim + d) * n;
                float *out = dmt + (b * dim + d) * n;
                const float mj = md[j];
                for (long i = 0; i < n; i++) {
                    const float diff = mj - md[i];
                    const float sign = diff > 0 ? 1.0f : diff < 0 ? -1.0f : 0.0f;
                    out[i] += w[i] * sign;
                }
            }
        }
    }
})
