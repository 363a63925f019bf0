/// How a generator's samples spread over the classes of the data, as a
/// classifier sees them: the one-digit form of the stacked-MNIST protocol
/// (Metz et al. 2017; Srivastava et al. 2017, VEEGAN, Table 2; Lin et al.
/// 2018, PacGAN, Table 2), where a pretrained classifier labels each sample and
/// the modes it finds are counted.
///
/// - A class is covered when it holds at least 1 % of the samples (our
///   threshold for single digits); the stacked-MNIST papers count a mode
///   with one sample, as `threshold: 0` does.
/// - KL(p̂ ‖ p) = Σₖ p̂ₖ log(p̂ₖ / pₖ) in nats, p̂ the samples' class shares and
///   p the real class frequencies: 0 when G makes each digit as often as the
///   data has it, log 10 ≈ 2.30 when G makes one digit of ten equally likely
///   ones. The direction is PacGAN's reverse KL (Lin et al. 2018, Tables 1
///   and 2). +∞ when G makes a class the data does not have.
import Foundation

public struct ClassCoverage: Sendable, Equatable {
    /// Samples per class.
    public var counts: [Int]
    /// Classes holding at least `threshold` of the samples.
    public var covered: Int
    public var kl: Double

    public static let threshold = 0.01

    /// `labels` are the classifier's classes of the samples, 0..<classes;
    /// `reference` the real class frequencies (they need not sum to 1). A
    /// class is covered with at least `threshold` of the samples, and one.
    public init(labels: [Int], reference: [Double], threshold: Double = Self.threshold) {
        var counts = [Int](repeating: 0, count: reference.count)
        for l in labels { counts[l] += 1 }
        self.counts = counts
        let n = Double(labels.count)
        covered = counts.filter { $0 > 0 && Double($0) >= threshold * n }.count
        let total = reference.reduce(0, +)
        var kl = 0.0
        for (c, r) in zip(counts, reference) where c > 0 {
            let p = Double(c) / n, q = r / total
            kl += q > 0 ? p * Foundation.log(p / q) : .infinity
        }
        self.kl = labels.isEmpty ? 0 : kl
    }
}

extension ClassCoverage {
    /// The mode of each stack of `stack` consecutive labels: the labels read
    /// as the digits of a number in base `classes` (3, 1, 7 → 317).
    public static func stackedModes(_ labels: [Int], stack: Int, classes: Int) -> [Int] {
        stride(from: 0, to: labels.count - stack + 1, by: stack).map { start in
            labels[start..<(start + stack)].reduce(0) { $0 * classes + $1 }
        }
    }

    /// Each mode's real frequency when the images of a stack are drawn
    /// independently: the product of their classes' frequencies.
    public static func stackedReference(_ frequencies: [Double], stack: Int) -> [Double] {
        var out = [1.0]
        for _ in 0..<stack { out = out.flatMap { p in frequencies.map { p * $0 } } }
        return out
    }
}
