/// The losses of the mode-collapse remedies, built on a tape from the
/// networks and one batch. Each is a pure function of its inputs, so the
/// PyTorch fixtures (Tests/GANTests/Fixtures/remedies.json, made by
/// scripts/make_remedy_fixtures.py) can check every value and gradient.
///
/// Conventions: l is D's logit; BCE(l, 1) = softplus(−l), BCE(l, 0) = softplus(l);
/// every expectation is a mean over the batch.
import Autodiff
import NeuralNet

/// One step's random draws, fixed, so that a step is a function of them.
public struct RemedyBatch: Sendable {
    /// m real samples (m × dimension).
    public var real: Matrix<Float>
    /// m noise vectors z ∼ N(0, I) (m × z dimension).
    public var noise: Matrix<Float>
    /// DRAGAN's draws (m × (dimension + 1)): u ∼ U(0, 1) per coordinate, then α ∼ U(0, 1).
    public var uniform: Matrix<Float>

    public init(real: Matrix<Float>, noise: Matrix<Float>, uniform: Matrix<Float>) {
        self.real = real
        self.noise = noise
        self.uniform = uniform
    }
}

enum RemedyLosses {
    /// D's loss of the standard GAN (Goodfellow et al. 2014, eq. 1, as a loss):
    /// 𝔼 softplus(−l(x)) + 𝔼 softplus(l(G(z))).
    static func discriminator(real: Var, fake: Var) -> Var {
        (-real).softplus().mean() + fake.softplus().mean()
    }

    /// G's non-saturating loss (ibid., §3): 𝔼 softplus(−l(G(z))) = −𝔼 log D(G(z)).
    static func nonSaturating(fake: Var) -> Var { (-fake).softplus().mean() }

    // MARK: DRAGAN

    /// DRAGAN's penalty (Kodali et al. 2017, §4), as the authors' code computes it
    /// (kodalinaveen3/DRAGAN, `DRAGAN.ipynb`): perturbed points
    /// x_p = x + 0.5·std(x)·u with u ∼ U[0, 1)ᵈ and std over the whole batch,
    /// x̂ = x + α(x_p − x) with α ∼ U[0, 1) per sample, and
    /// λ·𝔼(‖∇ₓ̂ l(x̂)‖ − k)² on D's logit l.
    static func draganPenalty(_ d: TapeNetwork, batch: RemedyBatch, lambda: Float, k: Float, on tape: Tape) -> Var {
        let x = batch.real, n = x.rows, dim = x.columns
        let mean = x.values.reduce(0, +) / Float(x.values.count)
        let spread = (x.values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(x.values.count)).squareRoot()
        var points = x
        for i in 0..<n {
            let alpha = batch.uniform[i, dim]
            for j in 0..<dim { points[i, j] = x[i, j] + alpha * 0.5 * spread * batch.uniform[i, j] }
        }
        let xHat = tape.variable(points)
        let gradient = tape.gradients(of: d(xHat).sum(), wrt: [xHat], createGraph: true)[0]
        let norm = gradient.squared().sumColumns().squareRoot()
        return norm.shifted(-k).squared().mean().scaled(lambda)
    }

    // MARK: EBGAN

    /// EBGAN's energy (Zhao et al. 2017, §2.3): the reconstruction error
    /// ‖Dec(Enc(x)) − x‖ of D, an autoencoder, per sample (rows × 1); and the
    /// code Enc(x), D's hidden features.
    static func energy(_ d: TapeNetwork, _ x: Var) -> (energy: Var, code: Var) {
        let (reconstruction, code) = d.forward(x)
        return ((reconstruction - x).squared().sumColumns().squareRoot(), code)
    }

    /// EBGAN's pulling-away term (ibid., §2.4): the mean over pairs i ≠ j of
    /// the squared cosine similarity of the codes Sᵢ, Sⱼ. A row's norm is
    /// √(∑s² + 10⁻¹²), so that an all-zero code gives 0, not NaN.
    static func pullingAway(_ s: Var) -> Var {
        let n = s.rows
        let unit = s / s.squared().sumColumns().shifted(1e-12).squareRoot().repeatingColumns(s.columns)
        let cosine = Var.matmul(unit, unit, transposeB: true)
        var offDiagonal = Matrix<Float>(rows: n, columns: n, repeating: 1)
        for i in 0..<n { offDiagonal[i, i] = 0 }
        return (cosine * s.tape.constant(offDiagonal)).squared().sum().scaled(1 / Float(n * (n - 1)))
    }

    // MARK: MAD-GAN

    /// Each row's own generator's output: row i of `heads` (m × k·dimension)
    /// holds every generator's sample for zᵢ, and generator i mod k is kept.
    static func ownHead(_ heads: Var, generators k: Int, dimension: Int) -> Var {
        let m = heads.rows
        var select = Matrix<Float>(rows: m, columns: m * k)
        for i in 0..<m { select[i, i * k + i % k] = 1 }
        return Var.matmul(heads.tape.constant(select), heads.reshaped(rows: m * k, columns: dimension))
    }

    /// The mean cross-entropy of softmax(logits) against class `labels[i]` per row.
    static func crossEntropy(_ logits: Var, labels: [Int]) -> Var {
        var onehot = Matrix<Float>(rows: logits.rows, columns: logits.columns)
        for (i, c) in labels.enumerated() { onehot[i, c] = 1 }
        return (logits.logSumExpRows() - (logits * logits.tape.constant(onehot)).sumColumns()).mean()
    }
}
