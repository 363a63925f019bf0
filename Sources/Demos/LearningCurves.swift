/// What `gen-vs-disc`'s learning curves say, in words written from the
/// numbers: at each training size, which model has the lower test error by
/// more than one standard deviation, or a tie; then the runs of sizes where
/// each verdict holds, and Ng & Jordan's picture only when the curves show it.
import Report

enum LearningCurves {
    enum Verdict: Equatable {
        case naiveBayes, logisticRegression, tie

        var label: String {
            switch self {
            case .naiveBayes: return "NB"
            case .logisticRegression: return "LR"
            case .tie: return "tie"
            }
        }

        var phrase: String {
            switch self {
            case .naiveBayes: return "naive Bayes is lower"
            case .logisticRegression: return "logistic regression is lower"
            case .tie: return "a tie (within one sd)"
            }
        }
    }

    /// At each size: the model whose mean error is lower, when the two means
    /// are more than one sd apart; otherwise a tie.
    static func verdicts(nb: [Estimate], lr: [Estimate]) -> [Verdict] {
        zip(nb, lr).map { nb, lr in
            nb.overlaps(lr) ? .tie : nb.mean < lr.mean ? .naiveBayes : .logisticRegression
        }
    }

    /// One paragraph: the sizes where each verdict holds, in order, and what
    /// the pattern means.
    static func narrative(sizes: [Int], nb: [Estimate], lr: [Estimate]) -> String {
        let verdicts = self.verdicts(nb: nb, lr: lr)
        guard let first = verdicts.first else { return "" }
        var runs: [(verdict: Verdict, from: Int, to: Int)] = [(first, 0, 0)]
        for k in verdicts.indices.dropFirst() {
            if verdicts[k] == runs[runs.count - 1].verdict { runs[runs.count - 1].to = k } else { runs.append((verdicts[k], k, k)) }
        }
        if runs.count == 1 {
            switch first {
            case .tie:
                return
                    "At every m from \(sizes.first!) to \(sizes.last!) the two test errors are within one sd of each other: on these draws neither model is clearly better."
            default:
                let name = first == .naiveBayes ? "Naive Bayes" : "Logistic regression"
                return "\(name) has the lower test error, by more than one sd, at every m from \(sizes.first!) to \(sizes.last!); the curves do not cross here."
            }
        }
        let spans = runs.map { run -> String in
            let range =
                run.from == run.to
                ? "m = \(sizes[run.from])"
                : run.from == 0
                    ? "m ≤ \(sizes[run.to])"
                    : run.to == sizes.count - 1
                        ? "m ≥ \(sizes[run.from])"
                        : "\(sizes[run.from]) ≤ m ≤ \(sizes[run.to])"
            return "\(range): \(run.verdict.phrase)"
        }
        var text = "Test error by training size: " + spans.joined(separator: "; ") + "."
        // The lead changes where one model is clearly ahead and the other is next clearly ahead.
        let clear = runs.map(\.verdict).filter { $0 != .tie }
        let changes = zip(clear, clear.dropFirst()).filter { $0 != $1 }.count
        if clear == [.naiveBayes, .logisticRegression] {
            text += " This is Ng & Jordan's picture: naive Bayes is ahead with few examples, logistic regression with many."
        } else if changes > 1 {
            text += " The lead changes \(changes) times: with this many draws, no single crossing can be read off these curves."
        } else if !clear.contains(.naiveBayes) {
            text += " Naive Bayes is never clearly ahead here, so these curves do not show Ng & Jordan's picture."
        }
        return text
    }
}
