#include <cblas.h>
/* OpenBLAS's own call for its thread count (not part of CBLAS proper). */
void openblas_set_num_threads(int num_threads);
