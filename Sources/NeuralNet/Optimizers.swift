import Glibc

/// Optimisers: plain SGD, RMSProp (Tieleman & Hinton 2012, as PyTorch
/// implements it: v ← αv + (1−α)g², θ ← θ − lr·g/(√v + ε)) and Adam (Kingma &
/// Ba 2015, with bias correction). Each keeps its state per parameter, in the
/// network's parameter order.
public struct Optimizer<T: Scalar>: Sendable {
    public enum Kind: Sendable, Equatable {
        case sgd
        case rmsprop(alpha: Double, epsilon: Double)
        case adam(beta1: Double, beta2: Double, epsilon: Double)
    }

    public var kind: Kind
    public var learningRate: Double
    @usableFromInline var first: [[T]] = []
    @usableFromInline var second: [[T]] = []
    @usableFromInline var steps = 0

    @inlinable
    public init(_ kind: Kind, learningRate: Double) {
        self.kind = kind
        self.learningRate = learningRate
    }

    @inlinable
    public static func adam(_ lr: Double, beta1: Double = 0.5, beta2: Double = 0.999) -> Optimizer {
        Optimizer(.adam(beta1: beta1, beta2: beta2, epsilon: 1e-8), learningRate: lr)
    }

    @inlinable
    public static func rmsprop(_ lr: Double) -> Optimizer { Optimizer(.rmsprop(alpha: 0.99, epsilon: 1e-8), learningRate: lr) }

    /// Adam's first and second moments of parameter `index` (empty before the
    /// first step), and the number of steps taken: what an unrolled copy of
    /// this optimiser starts from.
    @inlinable
    public func moments(_ index: Int) -> (first: [T], second: [T]) {
        index < first.count ? (first[index], second[index]) : ([], [])
    }

    @inlinable
    public var stepsTaken: Int { steps }

    /// One update of every parameter of `network` from its accumulated gradient.
    @inlinable
    public mutating func step(_ network: inout Network<T>) {
        steps += 1
        let lr = T(learningRate)
        let t = Double(steps)
        var c1: T = 1, c2: T = 1
        if case .adam(let beta1, let beta2, _) = kind { c1 = T(1 - pow(beta1, t)); c2 = T(1 - pow(beta2, t)) }
        network.withParameters { index, p in
            if first.count <= index {
                first.append(Array(repeating: 0, count: p.values.count))
                second.append(Array(repeating: 0, count: p.values.count))
            }
            let kind = self.kind
            p.values.withUnsafeMutableBufferPointer { v in
                p.gradient.withUnsafeBufferPointer { g in
                    first[index].withUnsafeMutableBufferPointer { m in
                        second[index].withUnsafeMutableBufferPointer { s in
                            switch kind {
                            case .sgd:
                                for i in v.indices { v[i] -= lr * g[i] }
                            case .rmsprop(let alpha, let epsilon):
                                T.rmsprop(
                                    v.baseAddress!, g.baseAddress!, s.baseAddress!, count: v.count, lr: lr,
                                    alpha: T(alpha), epsilon: T(epsilon))
                            case .adam(let beta1, let beta2, let epsilon):
                                T.adam(
                                    v.baseAddress!, g.baseAddress!, m.baseAddress!, s.baseAddress!, count: v.count, lr: lr,
                                    b1: T(beta1), b2: T(beta2), c1: c1, c2: c2, epsilon: T(epsilon))
                            }
                        }
                    }
                }
            }
        }
    }
}
