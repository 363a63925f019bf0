#!/usr/bin/env python3
"""Reference values for ganbook's discrete divergences, made once with scipy.

Run from this folder: python3 make_scipy_fixtures.py > scipy_divergences.json
(scipy 1.17.1 made the committed file). The tests read the JSON; they never
need Python.

- jsd: scipy.spatial.distance.jensenshannon(p, q) ** 2 (natural log), the
  squared Jensen-Shannon distance, i.e. the JS divergence in nats;
- kl_pq, kl_qp: scipy.stats.entropy(p, q), null where it is infinite.
"""
import json
import math

import numpy as np
import scipy
from scipy.spatial.distance import jensenshannon
from scipy.stats import entropy

cases = [
    ([0.5, 0.5], [0.5, 0.5]),
    ([0.5, 0.5], [0.9, 0.1]),
    ([1.0, 0.0], [0.0, 1.0]),                 # disjoint: JSD = log 2
    ([1.0, 0.0, 0.0], [0.0, 0.5, 0.5]),       # disjoint
    ([0.25, 0.75, 0.0], [0.0, 0.25, 0.75]),   # partial overlap, zeros
    ([0.1, 0.2, 0.7], [0.2, 0.2, 0.6]),
    ([0.1, 0.2, 0.7], [0.7, 0.2, 0.1]),
    ([1.0], [1.0]),
    ([0.999, 0.001], [0.001, 0.999]),
    ([1e-12, 1 - 1e-12], [0.5, 0.5]),
    ([0.3, 0.0, 0.7], [0.3, 0.7, 0.0]),
    ([0.0, 0.0, 1.0], [0.0, 0.0, 1.0]),
    ([0.2] * 5, [0.1, 0.1, 0.1, 0.1, 0.6]),
    ([0.05, 0.15, 0.3, 0.3, 0.15, 0.05], [0.3, 0.2, 0.1, 0.1, 0.2, 0.1]),
    ([0.5, 0.5, 0.0, 0.0], [0.0, 0.0, 0.5, 0.5]),  # disjoint
    ([0.4, 0.6], [0.6, 0.4]),
    ([0.01, 0.99], [0.99, 0.01]),
    ([0.6, 0.4, 0.0], [0.6, 0.0, 0.4]),
    ([1 / 3, 1 / 3, 1 / 3], [0.5, 0.25, 0.25]),
    ([0.7, 0.3], [0.3 + 1e-9, 0.7 - 1e-9]),
    ([0.125] * 8, [0.5, 0.5, 0, 0, 0, 0, 0, 0]),
    ([0.9, 0.05, 0.05], [0.05, 0.05, 0.9]),
]

# A few random cases with a fixed seed, some with zeros.
rng = np.random.default_rng(20261129)
for k in (3, 5, 10):
    for _ in range(2):
        p = rng.dirichlet(np.ones(k))
        q = rng.dirichlet(np.ones(k))
        p[rng.integers(k)] = 0.0
        cases.append((list(p / p.sum()), list(q)))


def finite_or_none(x):
    return None if math.isinf(x) else float(x)


out = []
for p, q in cases:
    p = [float(x) for x in p]
    q = [float(x) for x in q]
    out.append({
        "p": p,
        "q": q,
        "jsd": float(jensenshannon(p, q) ** 2),
        "kl_pq": finite_or_none(entropy(p, q)),
        "kl_qp": finite_or_none(entropy(q, p)),
    })

print(json.dumps({"scipy": scipy.__version__, "cases": out}, indent=1))
