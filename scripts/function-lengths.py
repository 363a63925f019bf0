#!/usr/bin/env python3
# Usage: scripts/function-lengths.py Sources/*/*.swift  (TOP=N shows N rows; default 8)
"""The longest functions of the given Swift files, longest first: each `func`, `init`
and `subscript`, counted in lines from its declaration to its matching closing brace
(braces in string literals and comments are skipped; a closure counts toward the
function it is written in, computed properties are not counted)."""
import re, sys
decl = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|package|static|mutating|override|final|nonisolated|@discardableResult)\s+)*(func\s+[^\s(<]+|init[?!]?|subscript)\b')
def strip(line):
    out, i, q = [], 0, False
    while i < len(line):
        c = line[i]
        if not q and line.startswith('//', i): break
        if c == '\\' and q: i += 2; continue
        if c == '"': q = not q
        elif not q: out.append(c)
        i += 1
    return ''.join(out)
rows = []
for path in sys.argv[1:]:
    lines = open(path).read().split('\n')
    i = 0
    while i < len(lines):
        m = decl.match(lines[i])
        if not m: i += 1; continue
        depth, started, j = 0, False, i
        while j < len(lines):
            s = strip(lines[j])
            for c in s:
                if c == '{': depth += 1; started = True
                elif c == '}': depth -= 1
            if started and depth <= 0: break
            if not started and j > i and s.strip() == '' : break
            j += 1
        if started: rows.append((j - i + 1, path, i + 1, m.group(1)))
        i += 1
rows.sort(reverse=True)
for n, p, l, name in rows[:int(__import__('os').environ.get('TOP', '8'))]: print(f'{n:4d}  {p}:{l}  {name}')
