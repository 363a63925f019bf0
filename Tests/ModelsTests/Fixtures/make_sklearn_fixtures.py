#!/usr/bin/env python3
"""Reference fits for ganbook's naive Bayes and logistic regression, made once
with scikit-learn 1.9.

Run from this folder: python3 make_sklearn_fixtures.py > sklearn_models.json
(scikit-learn 1.9.1 and numpy 2.4 made the committed file). The Swift tests
read the JSON; they never need Python.

Cases:
- wdbc-standardized / wdbc-raw: the bundled data/wdbc/wdbc.csv; the label is
  1 for "malignant" (the later name in sorted order, as ganbook maps it). The
  standardized case uses the mean and population std of the whole file; the
  test recomputes them in Swift.
- the other cases carry their rows in the JSON.
Models: GaussianNB() (var_smoothing 1e-9) and
LogisticRegression(C=C, solver="newton-cholesky", tol=1e-14, max_iter=10000).

Why not lbfgs with tol=1e-10: on wdbc-standardized it stops (on its ftol
criterion) with a largest gradient component of 6e-6 and coefficients 4.6e-6
(relative) away from the optimum, too loose for a 1e-6 comparison. The
newton-cholesky fit is the same model, converged to a gradient of 5e-15; the
lbfgs fit is kept in the JSON too ("lr_lbfgs"), for reference.
"""
import csv
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import GaussianNB

HERE = os.path.dirname(os.path.abspath(__file__))
WDBC = os.path.join(HERE, "..", "..", "..", "data", "wdbc", "wdbc.csv")


def load_wdbc():
    with open(WDBC) as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    y = np.array([1 if r[0] == "malignant" else 0 for r in rows])
    x = np.array([[float(v) for v in r[1:]] for r in rows])
    return x, y


def fit(name, x, y, c, include_rows, fit_lr=True):
    nb = GaussianNB().fit(x, y)
    case = {
        "name": name,
        "c": c,
        "nb": {
            "priors": nb.class_prior_.tolist(),
            "means": nb.theta_.tolist(),
            "variances": nb.var_.tolist(),
            "p1": nb.predict_proba(x)[:, 1].tolist(),
        },
    }
    if fit_lr:
        for key, solver, tol in [("lr", "newton-cholesky", 1e-14), ("lr_lbfgs", "lbfgs", 1e-10)]:
            lr = LogisticRegression(C=c, solver=solver, tol=tol, max_iter=10000).fit(x, y)
            case[key] = {
                "coef": lr.coef_[0].tolist(),
                "intercept": float(lr.intercept_[0]),
                "p1": lr.predict_proba(x)[:, 1].tolist(),
                "iterations": int(lr.n_iter_[0]),
            }
    if include_rows:
        case["x"] = x.tolist()
        case["y"] = y.tolist()
    return case


rng = np.random.default_rng(20261129)
cases = []

x, y = load_wdbc()
cases.append(fit("wdbc-raw", x, y, 1.0, include_rows=False, fit_lr=False))
xs = (x - x.mean(axis=0)) / x.std(axis=0)
cases.append(fit("wdbc-standardized", xs, y, 1.0, include_rows=False))

# Correlated pairs, as ganbook's synthetic data (ρ = 0.9, δ = 0.75 on x₁, x₃, x₅).
n, d = 300, 6
y = rng.integers(0, 2, n)
z1 = rng.standard_normal((n, d // 2))
z2 = rng.standard_normal((n, d // 2))
x = np.empty((n, d))
x[:, 0::2] = z1 + np.where(y[:, None] == 1, 0.375, -0.375)
x[:, 1::2] = 0.9 * z1 + np.sqrt(1 - 0.81) * z2
cases.append(fit("correlated-pairs", x, y, 1.0, include_rows=True))

# A small 2-D problem with strong and weak penalties.
x = rng.standard_normal((60, 2)) * [1.0, 3.0]
y = (x[:, 0] - 0.3 * x[:, 1] + rng.standard_normal(60) > 0.2).astype(int)
cases.append(fit("two-features-C0.1", x, y, 0.1, include_rows=True))
cases.append(fit("two-features-C10", x, y, 10.0, include_rows=True))

# A constant feature: variance smoothing keeps naive Bayes finite.
x = np.column_stack([rng.standard_normal(40), np.full(40, 2.5), rng.uniform(0, 10, 40)])
y = np.array([0] * 15 + [1] * 25)
cases.append(fit("constant-feature", x, y, 1.0, include_rows=True))

print(json.dumps({"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}))
