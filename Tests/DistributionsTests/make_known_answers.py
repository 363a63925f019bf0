"""Known answers for ganbook's seeded randomness, from an independent Python
implementation of xoshiro256** seeded by SplitMix64 (Blackman & Vigna 2018),
and of the Fisher-Yates shuffle as Statistics.swift documents it.

    python3 Tests/DistributionsTests/Fixtures/make_known_answers.py > Tests/DistributionsTests/Fixtures/known-answers.txt
"""
M = (1 << 64) - 1

def splitmix(seed):
    x = seed
    while True:
        x = (x + 0x9E3779B97F4A7C15) & M
        z = x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        yield z ^ (z >> 31)

def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M

def xoshiro(seed):
    sm = splitmix(seed)
    s = [next(sm) for _ in range(4)]
    while True:
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        yield result

for seed in (0, 1, 42):
    g = xoshiro(seed)
    print("next", seed, " ".join(str(next(g)) for _ in range(4)))
for seed, n in ((1, 10), (7, 5)):
    g = xoshiro(seed)
    a = list(range(n))
    for i in range(n - 1, 0, -1):
        j = next(g) % (i + 1)
        a[i], a[j] = a[j], a[i]
    print("shuffle", seed, n, " ".join(map(str, a)))
