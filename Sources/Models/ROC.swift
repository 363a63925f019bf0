/// Area under the ROC curve: the probability that a random positive scores
/// higher than a random negative, ties counting ½ (the Mann–Whitney U
/// statistic divided by n₊·n₋). Computed from average ranks in O(n log n).
public enum ROC {
    /// Edge cases: NaN when either class is empty (no pair to compare) or a
    /// score is NaN (it has no rank).
    public static func auc(positives: [Double], negatives: [Double]) -> Double {
        guard !positives.isEmpty, !negatives.isEmpty, !(positives + negatives).contains(where: \.isNaN) else { return .nan }
        let all = positives.map { ($0, true) } + negatives.map { ($0, false) }
        let sorted = all.sorted { $0.0 < $1.0 }
        var rankSum = 0.0
        var i = 0
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count && sorted[j + 1].0 == sorted[i].0 { j += 1 }
            let averageRank = Double(i + j) / 2 + 1  // ranks are 1-based
            for k in i...j where sorted[k].1 { rankSum += averageRank }
            i = j + 1
        }
        let np = Double(positives.count), nn = Double(negatives.count)
        return (rankSum - np * (np + 1) / 2) / (np * nn)
    }
}
