#!/usr/bin/env python3
"""Writes frechet.json: fixed feature sets, and what numpy and scipy make of
them, for Tests/GANTests/ImageQualityTests.swift.

- Frechet distance, as the FID's reference code computes it (Heusel et al.
  2017, TTUR's fid.py; pytorch-fid's calculate_frechet_distance):
  |mu1 - mu2|^2 + Tr(S1) + Tr(S2) - 2 Tr(scipy.linalg.sqrtm(S1 @ S2)), with
  numpy.cov (n - 1) covariances. The trace of sqrtm is also written alone.
  Each case is checked here against a second route (numpy.linalg.eigh of
  S1^1/2 S2 S1^1/2) before it is written, so that a case scipy's sqrtm gets
  wrong (it warns on singular products) cannot become a fixture.
- Class coverage: numpy.bincount of fixed labels, the classes holding at least
  1 % of the samples, and KL(p_hat || p) with scipy.special.rel_entr.
- Percentiles of a fixed list, with numpy.percentile's default (linear).

Run once from this folder: python3 make_frechet_fixtures.py (numpy 2.4.6,
scipy 1.17.1 made the committed file). The tests never run Python.
"""
import json

import numpy as np
import scipy
import scipy.linalg
import scipy.special


def frechet(a, b):
    m1, m2 = a.mean(0), b.mean(0)
    s1, s2 = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    root = scipy.linalg.sqrtm(s1 @ s2)
    root_trace = float(np.trace(root).real)
    w, v = np.linalg.eigh(s1)
    h = (v * np.sqrt(np.clip(w, 0, None))) @ v.T
    check = float(np.sqrt(np.clip(np.linalg.eigvalsh(h @ s2 @ h), 0, None)).sum())
    assert abs(check - root_trace) < 1e-9 * max(1, abs(root_trace)), (check, root_trace)
    mean_term = float(((m1 - m2) ** 2).sum())
    return mean_term, root_trace, mean_term + float(np.trace(s1) + np.trace(s2)) - 2 * root_trace


def case(name, a, b):
    a, b = np.round(a, 6), np.round(b, 6)  # the inputs as written, short
    mean_term, root_trace, value = frechet(a, b)
    return {"name": name, "dimension": a.shape[1], "a": a.ravel().tolist(), "b": b.ravel().tolist(),
            "meanTerm": mean_term, "traceOfSquareRoot": root_trace, "value": value}


rng = np.random.default_rng(2024)
cases = []
# Small and well conditioned, with different means and correlated covariances.
a = rng.normal(size=(200, 5)) @ rng.normal(size=(5, 5))
b = rng.normal(size=(150, 5)) @ rng.normal(size=(5, 5)) + 0.5
cases.append(case("5-d, correlated", a, b))
# The size of the classifier's features: 64 dimensions, non-negative like ReLU outputs.
a = np.maximum(rng.normal(size=(200, 64)) @ rng.normal(scale=0.3, size=(64, 64)) + 0.2, 0)
b = np.maximum(rng.normal(size=(150, 64)) @ rng.normal(scale=0.3, size=(64, 64)), 0)
cases.append(case("64-d, ReLU-like", a, b))
# Two samples of one distribution: the distance is not 0.
c = rng.normal(size=(16, 16))
cases.append(case("16-d, two samples of one distribution", rng.normal(size=(500, 16)) @ c, rng.normal(size=(500, 16)) @ c))

labels = np.concatenate([np.full(600, 3), np.full(300, 1), np.full(95, 7), np.full(5, 0)])
reference = np.array([178, 182, 177, 183, 181, 182, 181, 179, 174, 180], dtype=float)
counts = np.bincount(labels, minlength=10)
p = counts / counts.sum()
q = reference / reference.sum()
coverage = {"labels": labels.tolist(), "reference": reference.tolist(), "counts": counts.tolist(),
            "covered": int((counts >= 0.01 * counts.sum()).sum()),
            "kl": float(scipy.special.rel_entr(p, q).sum())}

values = rng.gamma(2.0, size=101).tolist()
percentiles = {"values": values, "p": [0, 5, 50, 95, 100],
               "expected": [float(np.percentile(values, p)) for p in [0, 5, 50, 95, 100]]}

with open("frechet.json", "w") as f:
    json.dump({"numpy": np.__version__, "scipy": scipy.__version__, "frechet": cases, "coverage": coverage,
               "percentiles": percentiles}, f)
