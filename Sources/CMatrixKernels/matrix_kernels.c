// Path selection, the entry points, and the double-precision product.
#include "matrix_kernels.h"
#include "paths.h"
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__)
#include <cpuid.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#pragma clang fp contract(off)

// What the CPU can run, read once and only when a product first runs: cpuid
// is slow in a virtual machine (each call exits to the hypervisor), and
// `ganbook read` must not pay for it.
static int supported[3];

static void read_cpu_features(void) {
    supported[GK_PATH_PORTABLE] = 1;
#if defined(__x86_64__)
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return;
    const int fma = (ecx >> 12) & 1, osxsave = (ecx >> 27) & 1, avx = (ecx >> 28) & 1;
    if (!(fma && osxsave && avx)) return;
    // The OS must save the registers: XCR0 bits 1-2 (SSE, AVX), 5-7 (AVX-512).
    unsigned lo, hi;
    __asm__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    if ((lo & 0x6) != 0x6) return;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return;
    const int avx2 = (ebx >> 5) & 1, avx512f = (ebx >> 16) & 1;
    supported[GK_PATH_AVX2] = avx2;
    supported[GK_PATH_AVX512] = avx2 && avx512f && (lo & 0xE0) == 0xE0;
#endif
}

static gk_panel_fn *panel_of(gk_path path) {
#if defined(__x86_64__)
    if (path == GK_PATH_AVX512) return gk_sgemm_avx512;
    if (path == GK_PATH_AVX2) return gk_sgemm_avx2;
#endif
    return gk_sgemm_portable;
}

static const char *const names[] = {"portable", "avx2", "avx512"};
static char forced_error[160];
static _Atomic int current = GK_PATH_PORTABLE;
static _Thread_local int this_thread = -1;  // gk_set_path's choice for one thread (the kernel tests)
static pthread_once_t chosen = PTHREAD_ONCE_INIT;

// The best path the CPU supports, or the one GANBOOK_KERNEL names.
static void choose_path(void) {
    read_cpu_features();
    int path = GK_PATH_PORTABLE;
    for (int p = GK_PATH_AVX512; p > GK_PATH_PORTABLE; p--)
        if (supported[p]) { path = p; break; }
    const char *forced = getenv("GANBOOK_KERNEL");
    if (forced && *forced) {
        int found = -1;
        for (int p = 0; p < 3; p++)
            if (strcmp(forced, names[p]) == 0) found = p;
        if (found < 0)
            strcpy(forced_error, "GANBOOK_KERNEL must be portable, avx2 or avx512");
        else if (!supported[found])
            strcpy(forced_error, found == GK_PATH_AVX512 ? "GANBOOK_KERNEL=avx512: this CPU has no AVX-512F"
                                                         : "GANBOOK_KERNEL=avx2: this CPU lacks AVX2 or FMA");
        else
            path = found;
    }
    current = path;
}

gk_path gk_current_path(void) {
    if (this_thread >= 0) return (gk_path)this_thread;
    pthread_once(&chosen, choose_path);
    return (gk_path)current;
}

int gk_path_supported(gk_path path) {
    pthread_once(&chosen, choose_path);
    return path >= GK_PATH_PORTABLE && path <= GK_PATH_AVX512 && supported[path];
}

int gk_set_path(gk_path path) {
    if ((int)path < 0) { this_thread = -1; return 1; }
    if (!gk_path_supported(path)) return 0;
    this_thread = path;
    return 1;
}

const char *gk_forced_path_error(void) {
    const char *forced = getenv("GANBOOK_KERNEL");
    if (!forced || !*forced) return NULL;  // nothing to check, and no cpuid
    pthread_once(&chosen, choose_path);
    return forced_error[0] ? forced_error : NULL;
}

__attribute__((constructor)) static void keep_freed_matrices(void) {
#if defined(__GLIBC__)
    // Training allocates and frees many 100-500 KB matrices per step. glibc
    // serves blocks that size with mmap and returns freed heap tops to the
    // system, so each step paid for fresh zeroed pages: 30% of a GAN step.
    // Keeping them in the heap costs a few MB of resident memory.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

// A buffer per thread for packed operands, grown when needed and kept: the
// products run thousands of times a second, and a fresh allocation each time
// cost page faults.
static float *scratch(size_t count) {
    static _Thread_local float *buffer = NULL;
    static _Thread_local size_t capacity = 0;
    if (count > capacity) {
        free(buffer);
        buffer = malloc(count * sizeof(float));
        if (!buffer) abort();
        capacity = count;
    }
    return buffer;
}

void gk_sgemm(int transpose_a, int transpose_b, int m, int n, int k,
              const float *a, int lda, const float *b, int ldb,
              const float *bias, gk_mode mode, float *c, int ldc,
              float *activated, float slope) {
    if (m <= 0 || n <= 0) return;
    // op(B) = Bᵀ is copied into a k x n row-major block first, so every path
    // reads B along rows. The copy changes no arithmetic.
    float *packed = NULL;
    if (transpose_b && k > 0) {
        packed = scratch((size_t)k * (size_t)n);
        // In 16 x 16 blocks, so that reads and writes both stay in cache lines.
        for (int j0 = 0; j0 < n; j0 += 16)
            for (int p0 = 0; p0 < k; p0 += 16)
                for (int j = j0; j < n && j < j0 + 16; j++)
                    for (int p = p0; p < k && p < p0 + 16; p++) packed[(size_t)p * n + j] = b[(size_t)j * ldb + p];
        b = packed;
        ldb = n;
    }
    const ptrdiff_t a_row = transpose_a ? 1 : lda, a_col = transpose_a ? lda : 1;
    panel_of(gk_current_path())(m, n, k, a, a_row, a_col, b, ldb, bias, mode == GK_ACCUMULATE, c, ldc, activated, slope);
}

void gk_dgemm(int transpose_a, int transpose_b, int m, int n, int k,
              const double *a, int lda, const double *b, int ldb,
              const double *bias, gk_mode mode, double *c, int ldc,
              double *activated, double slope) {
    for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
            double acc = mode == GK_ACCUMULATE ? c[i * ldc + j] : bias ? bias[j] : 0.0;
            for (int p = 0; p < k; p++) {
                const double x = transpose_a ? a[p * lda + i] : a[i * lda + p];
                const double y = transpose_b ? b[j * ldb + p] : b[p * ldb + j];
                acc = fma(x, y, acc);
            }
            c[i * ldc + j] = acc;
            if (activated) {
                const double t = slope == 0.0 ? 0.0 : slope * acc;
                activated[i * ldc + j] = acc > t ? acc : t;
            }
        }
    }
}
