/// Whether a generator copies its training set: the Euclidean distance from
/// each generated image to its nearest training image, against the same
/// distance for real images that were held out of training.
///
/// Held-out digits are new drawings from the same population, so their
/// distances say how close a digit that was not copied usually comes to the
/// training set. A G that memorises puts many samples far closer than that:
/// the share of generated images nearer to their nearest training image than
/// the held-out images' 5th percentile is about 5 % for a G that draws new
/// digits as the data does, and much more for one that copies. (Nearest
/// training images are the usual check for copying; Theis, van den Oord &
/// Bethge 2016 discuss what such checks can and cannot show. The held-out
/// comparison, the threshold and the summary are ours.) Percentiles interpolate linearly between
/// order statistics, as numpy.percentile does by default (Hyndman & Fan 1996,
/// definition 7).
public struct Memorisation: Sendable, Equatable {
    /// Per generated image, the distance to its nearest training image.
    public var generated: [Double]
    /// Per held-out image, the distance to its nearest training image.
    public var heldOut: [Double]

    /// Images are rows of `dimension` values (row-major).
    public init(generated: [Float], heldOut: [Float], training: [Float], dimension: Int) {
        self.generated = Self.nearestDistances(generated, to: training, dimension: dimension)
        self.heldOut = Self.nearestDistances(heldOut, to: training, dimension: dimension)
    }

    public var generatedMedian: Double { Self.percentile(generated, 50) }
    public var heldOutMedian: Double { Self.percentile(heldOut, 50) }
    /// The held-out images' 5th percentile of distance.
    public var heldOutFifthPercentile: Double { Self.percentile(heldOut, 5) }
    /// The share of generated images closer to the training set than `heldOutFifthPercentile`.
    public var shareCloserThanHeldOut: Double {
        let limit = heldOutFifthPercentile
        return generated.isEmpty ? 0 : Double(generated.filter { $0 < limit }.count) / Double(generated.count)
    }

    /// For each row of `queries`, the Euclidean distance to the nearest row of `reference`.
    public static func nearestDistances(_ queries: [Float], to reference: [Float], dimension d: Int) -> [Double] {
        let n = queries.count / d, m = reference.count / d
        return (0..<n).map { i in
            var best = Float.infinity
            queries.withUnsafeBufferPointer { q in
                reference.withUnsafeBufferPointer { r in
                    for j in 0..<m {
                        var sum: Float = 0
                        for k in 0..<d {
                            let e = q[i * d + k] - r[j * d + k]
                            sum += e * e
                        }
                        best = min(best, sum)
                    }
                }
            }
            return Double(best).squareRoot()
        }
    }

    /// The p-th percentile (0…100), linear between order statistics (numpy's default).
    public static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let position = p / 100 * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = min(low + 1, sorted.count - 1)
        return sorted[low] + (position - Double(low)) * (sorted[high] - sorted[low])
    }
}
