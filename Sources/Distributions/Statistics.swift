/// Summaries of samples (mean, sample standard deviation, correlation) and
/// the seeded Fisher–Yates shuffle: the one place demos and the quiz take
/// them from, so that every report computes a spread the same way.
///
/// The shuffle is ours, not the standard library's `shuffle(using:)`, whose
/// algorithm is not promised to stay the same: a seed must give the same
/// order on every machine and in every release.
public enum Statistics {
    /// The arithmetic mean; NaN for no values.
    public static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    /// The sample standard deviation, with n − 1 in the denominator; 0 for one
    /// value, NaN for none.
    public static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return values.isEmpty ? .nan : 0 }
        let m = mean(values)
        return (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)).squareRoot()
    }

    /// Pearson's correlation coefficient of two samples of the same length;
    /// NaN when either is constant.
    public static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "correlation of samples of different lengths")
        let ma = mean(a), mb = mean(b)
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for i in a.indices {
            sab += (a[i] - ma) * (b[i] - mb)
            saa += (a[i] - ma) * (a[i] - ma)
            sbb += (b[i] - mb) * (b[i] - mb)
        }
        return sab / (saa * sbb).squareRoot()
    }
}

extension MutableCollection where Self: RandomAccessCollection, Index == Int {
    /// Fisher–Yates, from the last element down, drawing `next() % (i + 1)`:
    /// the same order for the same generator state, everywhere.
    public mutating func seededShuffle<G: RandomNumberGenerator>(using rng: inout G) {
        guard count > 1 else { return }
        for i in stride(from: endIndex - 1, to: startIndex, by: -1) {
            swapAt(i, startIndex + Int(rng.next() % UInt64(i - startIndex + 1)))
        }
    }
}
