#!/usr/bin/env python3
"""Writes digits.csv from the copy of the UCI optical digits (8x8, grey levels
0..16) that scikit-learn ships (sklearn/datasets/data/digits.csv.gz), with a
header, the digit, and a fixed training / held-out split.

The split: within each digit class, in the file's order, every fifth image
(the 5th, 10th, ...) is held out; the rest are for training. No random numbers,
so anyone can redo it; each class is split 4 : 1, so both parts keep the
class frequencies.

Run once from this folder: python3 make_digits_csv.py  (scikit-learn 1.9.1 made
the committed file). ganbook reads the CSV; it never runs Python.
"""
import csv

from sklearn.datasets import load_digits

data = load_digits()
seen = [0] * 10
with open("digits.csv", "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["split", "digit"] + [f"r{r}c{c}" for r in range(8) for c in range(8)])
    for image, digit in zip(data.data, data.target):
        seen[digit] += 1
        split = "heldout" if seen[digit] % 5 == 0 else "train"
        writer.writerow([split, int(digit)] + [int(v) for v in image])
