/// A finite set of images as a GAN's target: a training batch is drawn
/// uniformly, with replacement, from its rows. With `stack` > 1 each sample
/// is that many images drawn independently and put one after another, as
/// stacked MNIST makes one sample of three digits (Metz et al. 2017; VEEGAN;
/// PacGAN): with 10 classes, 10³ = 1,000 equally likely combinations, the modes.
import Distributions
import NeuralNet

public struct ImageSet: Sendable, Equatable {
    public var name: String
    /// Row-major, one image per row, in the range G is to produce.
    public var values: [Float]
    /// One image's values.
    public var dimension: Int
    /// Images per sample.
    public var stack: Int

    public init(name: String, values: [Float], dimension: Int, stack: Int = 1) {
        precondition(dimension > 0 && !values.isEmpty && values.count % dimension == 0, "images need whole rows of \(dimension) values")
        self.name = name
        self.values = values
        self.dimension = dimension
        self.stack = max(stack, 1)
    }

    /// A sample's values: `stack` images.
    public var sampleDimension: Int { dimension * stack }

    public var count: Int { values.count / dimension }

    /// `rows` samples, each of `stack` images drawn uniformly with replacement, as a rows × sampleDimension matrix.
    public func sample<G: RandomNumberGenerator>(_ rows: Int, using rng: inout G) -> Matrix<Float> {
        var out = [Float]()
        out.reserveCapacity(rows * sampleDimension)
        for _ in 0..<(rows * stack) {
            let i = Int(rng.next() % UInt64(count))
            out += values[(i * dimension)..<((i + 1) * dimension)]
        }
        return Matrix(rows: rows, columns: sampleDimension, values: out)
    }
}
