#!/usr/bin/env python3
"""Writes wdbc.csv from the copy of the UCI breast-cancer data that
scikit-learn ships (sklearn/datasets/data/breast_cancer.csv), with a header
of column names and the diagnosis spelled out.

Run once from this folder: python3 make_wdbc_csv.py  (scikit-learn 1.9.1 made
the committed file). ganbook reads the CSV; it never runs Python.
"""
import csv

from sklearn.datasets import load_breast_cancer

data = load_breast_cancer()
with open("wdbc.csv", "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["diagnosis"] + list(data.feature_names))
    for row, target in zip(data.data, data.target):
        writer.writerow([data.target_names[target]] + [repr(float(v)) for v in row])
