/// How close generated samples are to the target, measured without the
/// networks.
///
/// 2-D (the VEEGAN paper's definitions, Srivastava et al. 2017, §5.1): a
/// sample is high quality if it lies within 3σ of its nearest mode; a mode is
/// captured if it is the nearest mode of at least one high-quality sample.
///
/// 1-D: the exact Wasserstein-1 distance between two equal-size samples,
/// W1 = (1/n)·∑|a₍ᵢ₎ − b₍ᵢ₎| over the sorted samples; and a JS divergence
/// estimate from histograms of both samples on shared bins.
import Divergences
import Foundation

public struct ModeCoverage: Sendable, Equatable {
    public var modesCaptured: Int
    public var modes: Int
    /// The share of samples within 3σ of their nearest mode, in [0, 1].
    public var highQualityShare: Double
    /// Per mode, how many high-quality samples it is the nearest mode of.
    public var samplesPerMode: [Int]
    /// KL(p̂ ‖ uniform) in nats, where p̂ is the share of all samples whose
    /// nearest mode each mode is: the reverse KL of PacGAN's Table 1 (Lin et
    /// al. 2018), 0 when G spreads its samples evenly over the modes, log K
    /// when it puts them all near one. 0 for no samples.
    public var reverseKL: Double

    /// Edge cases: no samples give 0 modes, a 0 share and a reverse KL of 0;
    /// no modes give 0 modes captured and a 0 share.
    public init(samples: [(Double, Double)], modes: [(Double, Double)], sigma: Double) {
        let samples = modes.isEmpty ? [] : samples
        var perMode = [Int](repeating: 0, count: modes.count)
        var nearest = [Int](repeating: 0, count: modes.count)
        var good = 0
        for (x, y) in samples {
            var best = 0, bestDistance = Double.infinity
            for (k, (mx, my)) in modes.enumerated() {
                let d = ((x - mx) * (x - mx) + (y - my) * (y - my)).squareRoot()
                if d < bestDistance { bestDistance = d; best = k }
            }
            nearest[best] += 1
            if bestDistance <= 3 * sigma {
                good += 1
                perMode[best] += 1
            }
        }
        self.modes = modes.count
        self.samplesPerMode = perMode
        self.modesCaptured = perMode.filter { $0 > 0 }.count
        self.highQualityShare = samples.isEmpty ? 0 : Double(good) / Double(samples.count)
        let k = Double(modes.count), n = Double(samples.count)
        self.reverseKL = nearest.reduce(0.0) { sum, c in c == 0 ? sum : sum + Double(c) / n * Foundation.log(k * Double(c) / n) }
    }
}

public enum SampleDistance {
    /// W1 between two samples of the same size: the mean gap between their order statistics.
    /// Edge cases: the samples must have the same, non-zero size (a
    /// precondition: the demos draw them so).
    public static func wasserstein1(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count && !a.isEmpty, "W1 of sorted samples needs equal, non-empty samples")
        let x = a.sorted(), y = b.sorted()
        var sum = 0.0
        for i in x.indices { sum += abs(x[i] - y[i]) }
        return sum / Double(x.count)
    }

    /// JSD (nats) between the histograms of `a` and `b` on `bins` equal bins
    /// spanning both samples. An estimate: it depends on the binning.
    /// Edge cases: NaN when a sample is empty, holds a value that is not
    /// finite, or `bins` is below 1; 0 when every value is the same.
    public static func histogramJSD(_ a: [Double], _ b: [Double], bins: Int = 50) -> Double {
        guard !a.isEmpty, !b.isEmpty, bins >= 1, (a + b).allSatisfy(\.isFinite) else { return .nan }
        let low = min(a.min()!, b.min()!), high = max(a.max()!, b.max()!)
        let width = max(high - low, 1e-12) / Double(bins)
        func histogram(_ s: [Double]) -> [Double] {
            var h = [Double](repeating: 0, count: bins)
            for v in s { h[min(Int((v - low) / width), bins - 1)] += 1 }
            return h.map { $0 / Double(s.count) }
        }
        return (try? Divergences.jsd(histogram(a), histogram(b))) ?? .nan
    }
}
