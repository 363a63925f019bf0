#!/usr/bin/env python3
"""The scikit-learn side of make bench's model-fit rows.

    python3 fit_peer.py write X.f64 Y.u8 ROWS FEATURES SEED   # make the data
    python3 fit_peer.py time  X.f64 Y.u8 ROWS FEATURES REPEATS

`write` draws two Gaussian classes with correlated features (numpy, seeded)
and writes them raw, for both sides to read. `time` fits GaussianNB and
LogisticRegression(C=1) REPEATS times each and prints the median fit times in
seconds as JSON; only the fits are timed (time.perf_counter inside the
process), not Python's start-up or the loading.
"""
import json
import sys
import time

import numpy as np


def write(xpath, ypath, rows, features, seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, rows).astype(np.uint8)
    mix = rng.standard_normal((features, features)) / np.sqrt(features)
    x = rng.standard_normal((rows, features)) @ (np.eye(features) + mix)
    x += np.where(y[:, None] == 1, 0.3, -0.3) * rng.standard_normal(features)
    np.ascontiguousarray(x, dtype="<f8").tofile(xpath)
    y.tofile(ypath)


def timed(fit, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fit()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def time_fits(xpath, ypath, rows, features, repeats):
    import sklearn
    from sklearn.linear_model import LogisticRegression
    from sklearn.naive_bayes import GaussianNB

    x = np.fromfile(xpath, dtype="<f8").reshape(rows, features)
    y = np.fromfile(ypath, dtype=np.uint8).astype(int)
    tight = LogisticRegression(C=1.0, solver="lbfgs", tol=1e-10, max_iter=10000)
    print(json.dumps({
        "sklearn": sklearn.__version__,
        "naive_bayes": timed(lambda: GaussianNB().fit(x, y), repeats),
        "logistic_regression": timed(lambda: tight.fit(x, y), repeats),
        "logistic_regression_default_tol": timed(lambda: LogisticRegression(C=1.0).fit(x, y), repeats),
        "lr_iterations": int(tight.fit(x, y).n_iter_[0]),
    }))


if __name__ == "__main__":
    command, xpath, ypath, rows, features, last = sys.argv[1:7]
    if command == "write":
        write(xpath, ypath, int(rows), int(features), int(last))
    else:
        time_fits(xpath, ypath, int(rows), int(features), int(last))
