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
    @Test func featuresHaveTheStatedCorrelationAndMeans() {
        var rng = SeededGenerator(seed: 9)
        let data = CorrelatedPairs(dims: 4).sample(count: 40_000, using: &rng)
        var sxy = 0.0, sxx = 0.0, syy = 0.0, diff = 0.0, n1 = 0.0
        for i in 0..<data.count {
            let r = Array(data.row(i))
            let shift = data.labels[i] == 1 ? 0.375 : -0.375
            let a = r[0] - shift, b = r[1]
            sxy += a * b; sxx += a * a; syy += b * b
            diff += data.labels[i] == 1 ? r[0] : -r[0]
            n1 += 1
        }
        #expect(abs(sxy / (sxx * syy).squareRoot() - 0.9) < 0.01)
        #expect(abs(diff / n1 - 0.375) < 0.02)
    }

    @Test func asymptoticErrorsMatchTheirFormulas() {
        let g = CorrelatedPairs(dims: 10)
        // Δ² = 5·0.5625/0.19 = 14.80 → Φ(−1.924) ≈ 0.0272; NB: Δ² = 2.8125 → Φ(−0.8385) ≈ 0.2009
        #expect(abs(g.bayesError - 0.02718) < 1e-4)
        #expect(abs(g.naiveBayesAsymptoticError - 0.20088) < 1e-4)
    }
}
