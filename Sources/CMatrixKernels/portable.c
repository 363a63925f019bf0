// The portable path: plain C with fmaf, for any CPU (and the reference the
// vector paths must match bit for bit).
#include "paths.h"
#include <math.h>

#pragma clang fp contract(off)

void gk_sgemm_portable(int m, int n, int k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                       const float *b, ptrdiff_t ldb, const float *bias, int accumulate,
                       float *c, ptrdiff_t ldc, float *act, float slope) {
    for (int i = 0; i < m; i++) {
        float *row = c + i * ldc;
        if (!accumulate)
            for (int j = 0; j < n; j++) row[j] = bias ? bias[j] : 0.0f;
        // The row is its own accumulator: element j sees p = 0, 1, ... in order.
        for (int p = 0; p < k; p++) {
            const float x = a[i * a_row + p * a_col];
            const float *bp = b + p * ldb;
            for (int j = 0; j < n; j++) row[j] = fmaf(x, bp[j], row[j]);
        }
        if (act)
            for (int j = 0; j < n; j++) act[i * ldc + j] = gk_activate(row[j], slope);
    }
}
