/// Reverse-mode automatic differentiation over matrices, with gradients that
/// are themselves differentiable (PyTorch's `create_graph=True`).
///
/// Owns: the tape of operations, the backward pass, and the operations in
/// `Operations.swift`. Never touches: networks' storage, optimisers' state,
/// training loops (the GAN module builds its losses from these operations).
///
/// Why it exists: two of the mode-collapse remedies need a second derivative.
/// The Unrolled GAN (Metz et al. 2017, §2.2) differentiates G's loss through
/// K updates of D, each of which is itself a gradient; DRAGAN (Kodali et al.
/// 2017, §4) penalises ‖∇ₓD(x̂)‖ and trains D on the gradient of that norm.
/// Writing every remedy on one tape also lets one set of PyTorch fixtures check
/// every loss and gradient (Tests/AutodiffTests).
///
/// How: every operation appends a node holding its value, its inputs, and a
/// backward rule written with the same operations. `gradients(of:wrt:)`
/// walks the nodes in reverse creation order (a topological order). With
/// `createGraph` set, the backward rules record new nodes, so the gradients
/// can be differentiated again; without it they are plain values.
import NeuralNet

public final class Tape {
    /// A backward rule: from ∂y/∂(this node's value) and the node itself, the
    /// contribution to each input's gradient (nil where the input needs none).
    public typealias Backward = (_ gradient: Var, _ output: Var) -> [Var?]

    struct Node {
        var value: Matrix<Float>
        var inputs: [Int]
        var requiresGradient: Bool
        var backward: Backward?
    }

    var nodes: [Node] = []
    /// Whether new nodes record their backward rule (off inside a first-order backward pass).
    var recording = true

    init() {}

    /// Runs `body` with a fresh tape, which lives until `body` returns. Values
    /// (`Var`) refer to their tape without owning it, so a result must leave
    /// `body` as a plain value (`Var.value`, `Var.scalar`), never as a `Var`.
    public static func recording<Result>(_ body: (Tape) throws -> Result) rethrows -> Result {
        let tape = Tape()
        return try withExtendedLifetime(tape) { try body(tape) }
    }

    /// How many operations have been recorded (a measure of the graph's size).
    public var count: Int { nodes.count }

    /// A value nothing is differentiated with respect to (data, noise, fixed weights).
    public func constant(_ value: Matrix<Float>) -> Var { append(Node(value: value, inputs: [], requiresGradient: false)) }

    /// A leaf that gradients can be taken with respect to (a parameter).
    public func variable(_ value: Matrix<Float>) -> Var { append(Node(value: value, inputs: [], requiresGradient: true)) }

    /// A 1 × 1 constant.
    public func scalar(_ value: Float) -> Var { constant(Matrix(rows: 1, columns: 1, values: [value])) }

    func append(_ node: Node) -> Var {
        nodes.append(node)
        return Var(tape: self, id: nodes.count - 1)
    }

    /// Records an operation's result. The rule is kept only when recording and
    /// when some input needs a gradient.
    func record(_ value: Matrix<Float>, _ inputs: [Var], _ backward: @escaping Backward) -> Var {
        let needs = recording && inputs.contains { nodes[$0.id].requiresGradient }
        return append(Node(value: value, inputs: inputs.map(\.id), requiresGradient: needs, backward: needs ? backward : nil))
    }

    func requiresGradient(_ v: Var) -> Bool { nodes[v.id].requiresGradient }

    /// ∂y/∂x for each x in `wrt`, where y is a 1 × 1 value. A variable y does
    /// not depend on gets a zero gradient. With `createGraph`, the results are
    /// differentiable functions of the tape's variables.
    public func gradients(of y: Var, wrt: [Var], createGraph: Bool = false) -> [Var] {
        precondition(y.value.rows == 1 && y.value.columns == 1, "gradients(of:) needs a 1 × 1 value")
        // Only nodes on a path from a `wrt` leaf to y need their rule run.
        var relevant = [Bool](repeating: false, count: y.id + 1)
        for x in wrt where x.id <= y.id { relevant[x.id] = true }
        for id in 0...y.id where !relevant[id] {
            relevant[id] = nodes[id].inputs.contains { relevant[$0] }
        }
        let saved = recording
        recording = createGraph
        defer { recording = saved }
        var gradient = [Var?](repeating: nil, count: y.id + 1)
        gradient[y.id] = scalar(1)
        for id in stride(from: y.id, through: 0, by: -1) {
            guard relevant[id], let g = gradient[id], let backward = nodes[id].backward else { continue }
            let inputs = nodes[id].inputs
            for (input, contribution) in zip(inputs, backward(g, Var(tape: self, id: id))) {
                guard let contribution, relevant[input] else { continue }
                gradient[input] = gradient[input].map { $0 + contribution } ?? contribution
            }
        }
        return wrt.map { x in
            if x.id < gradient.count, let g = gradient[x.id] { return g }
            return constant(Matrix(rows: x.value.rows, columns: x.value.columns))
        }
    }
}

/// A value on a tape: a matrix, and what it was computed from.
///
/// It refers to its tape without owning it (the tape's backward rules hold
/// `Var`s, and an owning reference would keep every tape alive forever): use
/// it inside `Tape.recording`, which keeps the tape alive.
public struct Var {
    public unowned let tape: Tape
    public let id: Int

    public var value: Matrix<Float> { tape.nodes[id].value }
    public var rows: Int { tape.nodes[id].value.rows }
    public var columns: Int { tape.nodes[id].value.columns }
    /// The value of a 1 × 1 result.
    public var scalar: Float { tape.nodes[id].value.values[0] }
}
