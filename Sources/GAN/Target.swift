/// The distributions a toy GAN learns: any 1-D spec of the distribution
/// language, or the two 2-D benchmarks of the mode-collapse literature
/// (Metz et al. 2017; Srivastava et al. 2017, VEEGAN):
/// - ring: 8 Gaussians evenly spaced on a circle of radius 2, σ = 0.02;
/// - grid: 25 Gaussians at {−4, −2, 0, 2, 4}², σ = 0.05;
/// and a finite set of images (the bundled digits), sampled uniformly.
import Distributions
import NeuralNet

import Glibc

public enum Target: Sendable, Equatable {
    case oneDimensional(Mixture, spec: String)
    case ring
    case grid
    case images(ImageSet)

    /// `ring`, `grid`, or a continuous distribution spec.
    public static func parse(_ text: String) throws -> Target {
        switch text.lowercased() {
        case "ring": return .ring
        case "grid": return .grid
        default:
            guard case .continuous(let m) = try DistributionSpec.parse(text) else {
                throw SpecError(spec: text, column: 1, message: "a GAN target must be continuous (or ring, grid)")
            }
            return .oneDimensional(m, spec: text)
        }
    }

    public var dimension: Int {
        switch self {
        case .oneDimensional: return 1
        case .ring, .grid: return 2
        case .images(let set): return set.sampleDimension
        }
    }

    public var name: String {
        switch self {
        case .oneDimensional(_, let spec): return spec
        case .ring: return "ring (8 Gaussians, radius 2, σ = 0.02)"
        case .grid: return "grid (25 Gaussians, spacing 2, σ = 0.05)"
        case .images(let set): return set.name
        }
    }

    /// The mode centres of the 2-D targets.
    public var modes: [(Double, Double)] {
        switch self {
        case .oneDimensional, .images: return []
        case .ring:
            return (0..<8).map { k in
                let a = 2 * Double.pi * Double(k) / 8; return (2 * cos(a), 2 * sin(a))
            }
        case .grid: return [-4.0, -2, 0, 2, 4].flatMap { x in [-4.0, -2, 0, 2, 4].map { (x, $0) } }
        }
    }

    /// The standard deviation of each 2-D mode.
    public var modeSigma: Double {
        switch self {
        case .oneDimensional, .images: return 0
        case .ring: return 0.02
        case .grid: return 0.05
        }
    }

    /// `count` samples as a count × dimension matrix.
    public func sample<G: RandomNumberGenerator>(_ count: Int, using rng: inout G) -> Matrix<Float> {
        switch self {
        case .oneDimensional(let m, _):
            return Matrix(rows: count, columns: 1, values: (0..<count).map { _ in Float(m.sample(using: &rng)) })
        case .ring, .grid:
            let modes = self.modes, sigma = modeSigma
            var values: [Float] = []
            values.reserveCapacity(2 * count)
            for _ in 0..<count {
                let (cx, cy) = modes[Int(rng.next() % UInt64(modes.count))]
                values.append(Float(cx + sigma * StandardNormal.sample(using: &rng)))
                values.append(Float(cy + sigma * StandardNormal.sample(using: &rng)))
            }
            return Matrix(rows: count, columns: 2, values: values)
        case .images(let set):
            return set.sample(count, using: &rng)
        }
    }
}
