/// Losses on a batch of logits, with their gradients (for the mean over the
/// batch), computed stably: softplus(x) = log(1 + eˣ) = max(x, 0) + log1p(e^−|x|).
public enum Losses {
    @inlinable
    public static func softplus<T: Scalar>(_ x: T) -> T { max(x, 0) + T.log1p(T.exp(-abs(x))) }
    @inlinable
    public static func sigmoid<T: Scalar>(_ x: T) -> T { x >= 0 ? 1 / (1 + T.exp(-x)) : T.exp(x) / (1 + T.exp(x)) }

    /// Binary cross-entropy with logits: mean over i of
    /// −[yᵢ log σ(lᵢ) + (1−yᵢ) log(1−σ(lᵢ))] = mean of softplus(lᵢ) − yᵢlᵢ.
    /// Returns the loss and ∂loss/∂lᵢ = (σ(lᵢ) − yᵢ)/n.
    @inlinable
    public static func binaryCrossEntropy<T: Scalar>(logits: [T], target y: T) -> (loss: T, gradient: [T]) {
        let n = T(logits.count)
        var loss: T = 0
        var gradient = [T](repeating: 0, count: logits.count)
        for (i, l) in logits.enumerated() {
            loss += softplus(l) - y * l
            gradient[i] = (sigmoid(l) - y) / n
        }
        return (loss / n, gradient)
    }
}
