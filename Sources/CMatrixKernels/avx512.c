// The AVX-512F path: tiles of 8 rows x 32 columns (16 accumulators in zmm
// registers), masked loads and stores at the edges.
#include "paths.h"
#if defined(__x86_64__)
#include <immintrin.h>

#pragma clang fp contract(off)

#define ROWS 8
#define TARGET __attribute__((target("avx512f")))

static inline TARGET __attribute__((always_inline)) __m512 activate(__m512 z, __m512 slope, int relu) {
    __m512 t = relu ? _mm512_setzero_ps() : _mm512_mul_ps(slope, z);
    return _mm512_max_ps(z, t);  // z > t ? z : t, as gk_activate
}

// One tile of `rows` x (16 * vecs) outputs; rows and vecs are constants at each call site.
static inline TARGET __attribute__((always_inline)) void tile(
    const int rows, const int vecs, int k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
    const float *b, ptrdiff_t ldb, __mmask16 m0, __mmask16 m1, const float *bias, int accumulate,
    float *c, ptrdiff_t ldc, float *act, float slope) {
    __m512 acc[ROWS][2];
    __m512 init0 = _mm512_setzero_ps(), init1 = _mm512_setzero_ps();
    if (!accumulate && bias) {
        init0 = _mm512_maskz_loadu_ps(m0, bias);
        if (vecs > 1) init1 = _mm512_maskz_loadu_ps(m1, bias + 16);
    }
#pragma clang loop unroll(full)
    for (int r = 0; r < rows; r++) {
        acc[r][0] = accumulate ? _mm512_maskz_loadu_ps(m0, c + r * ldc) : init0;
        if (vecs > 1) acc[r][1] = accumulate ? _mm512_maskz_loadu_ps(m1, c + r * ldc + 16) : init1;
    }
    for (int p = 0; p < k; p++) {
        const float *bp = b + p * ldb;
        const float *ap = a + p * a_col;
        __m512 b0 = _mm512_maskz_loadu_ps(m0, bp);
        __m512 b1 = vecs > 1 ? _mm512_maskz_loadu_ps(m1, bp + 16) : _mm512_setzero_ps();
#pragma clang loop unroll(full)
        for (int r = 0; r < rows; r++) {
            __m512 x = _mm512_set1_ps(ap[r * a_row]);
            acc[r][0] = _mm512_fmadd_ps(x, b0, acc[r][0]);
            if (vecs > 1) acc[r][1] = _mm512_fmadd_ps(x, b1, acc[r][1]);
        }
    }
    const __m512 s = _mm512_set1_ps(slope);
    const int relu = slope == 0.0f;
#pragma clang loop unroll(full)
    for (int r = 0; r < rows; r++) {
        _mm512_mask_storeu_ps(c + r * ldc, m0, acc[r][0]);
        if (vecs > 1) _mm512_mask_storeu_ps(c + r * ldc + 16, m1, acc[r][1]);
        if (act) {
            _mm512_mask_storeu_ps(act + r * ldc, m0, activate(acc[r][0], s, relu));
            if (vecs > 1) _mm512_mask_storeu_ps(act + r * ldc + 16, m1, activate(acc[r][1], s, relu));
        }
    }
}

#define TILE(R, V) tile(R, V, k, ai, a_row, a_col, bj, ldb, m0, m1, bias ? bias + j0 : NULL, accumulate, \
                        c + i0 * ldc + j0, ldc, act ? act + i0 * ldc + j0 : NULL, slope)
#define CASES(V)                                                                                      \
    switch (rows) {                                                                                   \
    case 8: TILE(8, V); break; case 7: TILE(7, V); break; case 6: TILE(6, V); break;                  \
    case 5: TILE(5, V); break; case 4: TILE(4, V); break; case 3: TILE(3, V); break;                  \
    case 2: TILE(2, V); break; default: TILE(1, V); break;                                            \
    }

static __mmask16 lanes(int count) {
    return count >= 16 ? (__mmask16)0xFFFF : count <= 0 ? 0 : (__mmask16)((1u << count) - 1);
}

TARGET void gk_sgemm_avx512(int m, int n, int k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                            const float *b, ptrdiff_t ldb, const float *bias, int accumulate,
                            float *c, ptrdiff_t ldc, float *act, float slope) {
    // Column panels outside, row tiles inside: a k x 32 panel of B stays in L1.
    for (int j0 = 0; j0 < n; j0 += 32) {
        const int width = n - j0 < 32 ? n - j0 : 32;
        const __mmask16 m0 = lanes(width), m1 = lanes(width - 16);
        const float *bj = b + j0;
        for (int i0 = 0; i0 < m; i0 += ROWS) {
            const int rows = m - i0 < ROWS ? m - i0 : ROWS;
            const float *ai = a + i0 * a_row;
            if (width > 16) { CASES(2) } else { CASES(1) }
        }
    }
}
#endif
