#!/usr/bin/env python3
"""Writes bench/startup-order.txt: the functions ganbook runs when it starts and
reads or lists notes, one symbol per line, for the release link to place side by
side (lld's --symbol-ordering-file; see the Makefile's STARTUP_ORDER).

Why: a start-up that touches 2,700 functions spread over the 97 MB static
binary faults in about 140 separate 64 KB stretches of code; packed together
they fit in about 16, and `read` and `list` each start 0.3 ms sooner.

How: valgrind's callgrind runs each command below on a copy of the binary
without debug information (valgrind 3.19 cannot read the toolchain's DWARF 5)
and names every function that ran. Run it after changes that move much code
(`make startup-order`); a stale list costs speed only, never correctness.
"""
import argparse
import os
import re
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def commands(notes):
    """The command lines whose code goes first: list and every note's read, in both languages."""
    count = len([f for f in os.listdir(notes) if f.endswith(".md")])
    out = [["list"], ["list", "--lang", "zh"], ["--help"], ["demo"]]
    for lang in ("en", "zh"):
        for n in range(1, count + 1):
            out.append(["read", str(n), "--no-pager", "--lang", lang])
    out.append(["read", "1", "--no-pager", "--width", "60", "--color", "always"])
    return out


def functions(binary, words, scratch):
    out = os.path.join(scratch, "callgrind.out")
    # An empty data folder each time, so that list parses every note (no kept rows).
    data = tempfile.mkdtemp(dir=scratch)
    subprocess.run(["valgrind", "--tool=callgrind", "--demangle=no", "--callgrind-out-file=" + out, binary] + words,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                   env=dict(os.environ, GANBOOK_DATA=data))
    names = set()
    for line in open(out, errors="replace"):
        match = re.match(r"c?fn=\(\d+\) (.+)", line)
        if match:
            names.add(match.group(1).strip())
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", required=True, help="the release ganbook binary")
    parser.add_argument("--notes", default=os.path.join(HERE, "..", "notes"))
    parser.add_argument("--out", default=os.path.join(HERE, "startup-order.txt"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        binary = os.path.join(scratch, "ganbook")
        subprocess.run(["strip", "-g", "-o", binary, args.bin], check=True)
        names = set()
        for words in commands(args.notes):
            names |= functions(binary, words, scratch)
    with open(args.out, "w") as f:
        f.writelines(name + "\n" for name in sorted(names))
    print(f"wrote {len(names)} functions to {os.path.relpath(args.out)}")


if __name__ == "__main__":
    main()
