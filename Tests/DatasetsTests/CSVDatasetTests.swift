@testable import Datasets
import Distributions
import Testing

@Suite struct CSVDatasetTests {
    @Test func readsHeaderFeaturesAndTwoClasses() throws {
        let data = try CSVDataset.parse("a,label,b\r\n1,yes,2\n3.5,no,-4e1\n\"5\",\"yes\",6\n", name: "t.csv", label: "label")
        #expect(data.featureNames == ["a", "b"])
        #expect(data.x == [1, 2, 3.5, -40, 5, 6])
        #expect(data.classNames == ["no", "yes"])
        #expect(data.labels == [1, 0, 1])
    }

    @Test func quotedFieldsMayHoldCommasAndQuotes() throws {
        #expect(try CSVDataset.fields("\"a,b\",\"say \"\"hi\"\"\",c", name: "t", line: 1) == ["a,b", "say \"hi\"", "c"])
    }

    @Test(arguments: [
        ("", "t.csv: the file is empty"),
        ("a,label\n", "t.csv: only a header, no rows of data"),
        ("a,b\n1,2\n", "t.csv:1: no column 'label'; the columns are 'a', 'b'"),
        ("a,label\n1,x\n2\n", "t.csv:3: row has 1 fields, the header has 2"),
        ("a,label\n1,x\n2,y,3\n", "t.csv:3: row has 3 fields, the header has 2"),
        ("a,label\n1,x\n,y\n", "t.csv:3: column 1 'a' is empty (missing value)"),
        ("a,label\n1,x\n2,\n", "t.csv:3: column 2 'label' is empty (missing value)"),
        ("a,label\n1,x\nabc,y\n", "t.csv:3: column 1 'a': 'abc' is not a number"),
        ("a,label\n1,x\nnan,y\n", "t.csv:3: column 1 'a': 'nan' is not a finite number"),
        ("a,label\n1,x\n2,x\n", "t.csv: column 'label' has only one class, 'x'; a classifier needs two"),
        ("a,label\n1,x\n2,y\n3,z\n", "t.csv: column 'label' has 3 classes (x, y, z); gen-vs-disc compares binary classifiers, so it needs exactly two"),
        ("a,label\n1,x\n\n2,y\n", "t.csv:3: empty line inside the data"),
        ("a,label\n\"1,x\n", "t.csv:2: column 1: a quote is not closed"),
        ("label\nx\ny\n", "t.csv:1: the label is the only column; there are no features"),
    ])
    func badFilesGiveOneLineWithLineAndColumn(text: String, message: String) {
        #expect(throws: CSVError(message)) { try CSVDataset.parse(text, name: "t.csv", label: "label") }
    }

    @Test func missingFileIsAnError() {
        #expect(throws: CSVError("/no/such.csv: no such file")) { try CSVDataset.load(path: "/no/such.csv", label: "y") }
    }

    @Test func theBundledDataIs569By30() throws {
        let data = try BundledDatasets.breastCancer()
        #expect(data.count == 569 && data.features == 30)
        #expect(data.labels.filter { $0 == 1 }.count == 212)  // malignant
    }
}

@Suite struct CorrelatedPairsTests {
    @Test func featuresHaveTheStatedScalesCorrelationAndMeans() {
        var rng = SeededGenerator(seed: 9)
        let g = CorrelatedPairs(dims: 12)
        #expect(g.pairs == 1 && g.noiseFeatures == 10)
        let data = g.sample(count: 40_000, using: &rng)
        var sxy = 0.0, sxx = 0.0, syy = 0.0, diff = 0.0, noise = 0.0
        for i in 0..<data.count {
            let r = Array(data.row(i))
            let shift = (data.labels[i] == 1 ? 0.5 : -0.5) * 1.2 * 0.2
            let a = r[0] - shift, b = r[1]
            sxy += a * b; sxx += a * a; syy += b * b
            diff += data.labels[i] == 1 ? r[0] : -r[0]
            noise += r[5] * r[5]
        }
        let n = Double(data.count)
        #expect(abs(sxy / (sxx * syy).squareRoot() - 0.7) < 0.01)
        #expect(abs((sxx / n).squareRoot() - 0.2) < 0.005)
        #expect(abs(diff / n - 0.12) < 0.005)  // half of δ·scale = 0.6·0.2
        #expect(abs((noise / n).squareRoot() - 2.0) < 0.05)
    }

    @Test func asymptoticErrorsMatchTheirFormulas() {
        let g = CorrelatedPairs(dims: 30)
        // Δ² = 3·1.44/0.51 = 8.4706 → Φ(−1.4552) ≈ 0.07280; NB: Δ² = 4.32 → Φ(−1.0392) ≈ 0.14935
        #expect(abs(g.bayesError - 0.07280) < 1e-4)
        #expect(abs(g.naiveBayesAsymptoticError - 0.14935) < 1e-4)
    }
}
