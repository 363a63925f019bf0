// The AVX2+FMA path: tiles of 6 rows x 16 columns (12 accumulators in the
// 16 ymm registers), masked loads and stores at the edges.
#include "paths.h"
#if defined(__x86_64__)
#include <immintrin.h>

#pragma clang fp contract(off)

#define ROWS 6
#define TARGET __attribute__((target("avx2,fma")))

static inline TARGET __attribute__((always_inline)) __m256 activate(__m256 z, __m256 slope, int relu) {
    __m256 t = relu ? _mm256_setzero_ps() : _mm256_mul_ps(slope, z);
    // vmaxps(z, t) is z > t ? z : t, as gk_activate.
    return _mm256_max_ps(z, t);
}

// One tile of `rows` x (8 * vecs) outputs; rows and vecs are constants at each call site.
static inline TARGET __attribute__((always_inline)) void tile(
    const int rows, const int vecs, int k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
    const float *b, ptrdiff_t ldb, __m256i m0, __m256i m1, const float *bias, int accumulate,
    float *c, ptrdiff_t ldc, float *act, float slope) {
    __m256 acc[ROWS][2];
    __m256 init0 = _mm256_setzero_ps(), init1 = _mm256_setzero_ps();
    if (!accumulate && bias) {
        init0 = _mm256_maskload_ps(bias, m0);
        if (vecs > 1) init1 = _mm256_maskload_ps(bias + 8, m1);
    }
#pragma clang loop unroll(full)
    for (int r = 0; r < rows; r++) {
        acc[r][0] = accumulate ? _mm256_maskload_ps(c + r * ldc, m0) : init0;
        if (vecs > 1) acc[r][1] = accumulate ? _mm256_maskload_ps(c + r * ldc + 8, m1) : init1;
    }
    for (int p = 0; p < k; p++) {
        const float *bp = b + p * ldb;
        const float *ap = a + p * a_col;
        __m256 b0 = _mm256_maskload_ps(bp, m0);
        __m256 b1 = vecs > 1 ? _mm256_maskload_ps(bp + 8, m1) : _mm256_setzero_ps();
#pragma clang loop unroll(full)
        for (int r = 0; r < rows; r++) {
            __m256 x = _mm256_broadcast_ss(ap + r * a_row);
            acc[r][0] = _mm256_fmadd_ps(x, b0, acc[r][0]);
            if (vecs > 1) acc[r][1] = _mm256_fmadd_ps(x, b1, acc[r][1]);
        }
    }
    const __m256 s = _mm256_set1_ps(slope);
    const int relu = slope == 0.0f;
#pragma clang loop unroll(full)
    for (int r = 0; r < rows; r++) {
        _mm256_maskstore_ps(c + r * ldc, m0, acc[r][0]);
        if (vecs > 1) _mm256_maskstore_ps(c + r * ldc + 8, m1, acc[r][1]);
        if (act) {
            _mm256_maskstore_ps(act + r * ldc, m0, activate(acc[r][0], s, relu));
            if (vecs > 1) _mm256_maskstore_ps(act + r * ldc + 8, m1, activate(acc[r][1], s, relu));
        }
    }
}

#define TILE(R, V) tile(R, V, k, ai, a_row, a_col, bj, ldb, m0, m1, bias ? bias + j0 : NULL, accumulate, \
                        c + i0 * ldc + j0, ldc, act ? act + i0 * ldc + j0 : NULL, slope)
#define CASES(V)                                                                                      \
    switch (rows) {                                                                                   \
    case 6: TILE(6, V); break; case 5: TILE(5, V); break; case 4: TILE(4, V); break;                  \
    case 3: TILE(3, V); break; case 2: TILE(2, V); break; default: TILE(1, V); break;                 \
    }

// All-ones in the first `count` lanes (of 8).
static inline TARGET __m256i lanes(int count) {
    const __m256i index = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    return _mm256_cmpgt_epi32(_mm256_set1_epi32(count), index);
}

TARGET void gk_sgemm_avx2(int m, int n, int k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                          const float *b, ptrdiff_t ldb, const float *bias, int accumulate,
                          float *c, ptrdiff_t ldc, float *act, float slope) {
    // Column panels outside, row tiles inside: a k x 16 panel of B stays in L1.
    for (int j0 = 0; j0 < n; j0 += 16) {
        const int width = n - j0 < 16 ? n - j0 : 16;
        const __m256i m0 = lanes(width), m1 = lanes(width - 8);
        const float *bj = b + j0;
        for (int i0 = 0; i0 < m; i0 += ROWS) {
            const int rows = m - i0 < ROWS ? m - i0 : ROWS;
            const float *ai = a + i0 * a_row;
            if (width > 8) { CASES(2) } else { CASES(1) }
        }
    }
}
#endif
