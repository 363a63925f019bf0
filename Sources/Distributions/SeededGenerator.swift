/// Seeded random numbers: the same seed gives the same stream on every run and
/// every machine, which is what makes `--seed` demos byte-identical.
///
/// xoshiro256** (Blackman & Vigna 2018), seeded through SplitMix64. Uniforms
/// and normals are derived here rather than with the standard library's
/// `random(in:using:)`, whose algorithm is not promised to stay the same.
import Glibc

public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    public mutating func next() -> UInt64 {
        let result = rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = rotl(s.3, 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

public enum UnitInterval {
    /// Uniform on (0, 1): 53 random bits, never 0 or 1.
    public static func open<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        (Double(generator.next() >> 11) + 0.5) * 0x1.0p-53
    }
}

public enum StandardNormal {
    /// N(0, 1) by the Box–Muller transform (one value per call).
    public static func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        let u1 = UnitInterval.open(using: &generator)
        let u2 = UnitInterval.open(using: &generator)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
