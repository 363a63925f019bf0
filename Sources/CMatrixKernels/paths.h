// The interface every code path implements (internal to CMatrixKernels).
#ifndef GANBOOK_MATRIX_KERNEL_PATHS_H
#define GANBOOK_MATRIX_KERNEL_PATHS_H

#include <stddef.h>

// C = init + A·B with A given by strides: A[i][p] = a[i*a_row + p*a_col];
// B row-major (k x n, row stride ldb). init is the old C when accumulate is
// set, else bias[j] (or 0 when bias is NULL). Then, when act is not NULL,
// act = relu_like(C, slope). Every C element is one FMA chain over p in order.
typedef void gk_panel_fn(int m, int n, int k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                         const float *b, ptrdiff_t ldb, const float *bias, int accumulate,
                         float *c, ptrdiff_t ldc, float *act, float slope);

gk_panel_fn gk_sgemm_portable;
gk_panel_fn gk_sgemm_avx2;
gk_panel_fn gk_sgemm_avx512;

// max(z, slope*z) as every path computes it: ReLU (slope 0) gives +0, never
// -0, for z <= 0, and a NaN z gives the second operand, as vmaxps does.
static inline float gk_activate(float z, float slope) {
    float t = slope == 0.0f ? 0.0f : slope * z;
    return z > t ? z : t;
}

#endif
