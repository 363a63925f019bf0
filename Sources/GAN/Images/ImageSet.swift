/// A finite set of images as a GAN's target: a training batch is drawn
/// uniformly, with replacement, from its rows.
import Distributions
import NeuralNet

public struct ImageSet: Sendable, Equatable {
    public var name: String
    /// Row-major, one image per row, in the range G is to produce.
    public var values: [Float]
    public var dimension: Int

    public init(name: String, values: [Float], dimension: Int) {
        precondition(dimension > 0 && !values.isEmpty && values.count % dimension == 0, "images need whole rows of \(dimension) values")
        self.name = name
        self.values = values
        self.dimension = dimension
    }

    public var count: Int { values.count / dimension }

    /// `count` images drawn uniformly with replacement, as a count × dimension matrix.
    public func sample<G: RandomNumberGenerator>(_ rows: Int, using rng: inout G) -> Matrix<Float> {
        var out = [Float]()
        out.reserveCapacity(rows * dimension)
        for _ in 0..<rows {
            let i = Int(rng.next() % UInt64(count))
            out += values[(i * dimension)..<((i + 1) * dimension)]
        }
        return Matrix(rows: rows, columns: dimension, values: out)
    }
}
