/// The bundled 8 × 8 handwritten digits (UCI optical digits, 1,797 images of
/// grey levels 0…16; see data/digits/README.md for the source, citation,
/// licence and how the fixed held-out split was made).
import Installation

/// Small square grey images with the digit each shows.
public struct DigitImages: Sendable, Equatable {
    /// Pixels per side (8) and per image (64).
    public static let side = 8
    public static let pixelCount = side * side
    /// The grey levels of the source run from 0 to this value.
    public static let maximumLevel = 16

    /// Row-major, one image after another, each row by row from the top
    /// left; every value in 0…1 (grey level / 16).
    public var pixels: [Float]
    /// The digit of each image, 0…9.
    public var digits: [Int]

    public init(pixels: [Float], digits: [Int]) {
        precondition(pixels.count == digits.count * Self.pixelCount, "each digit needs \(Self.pixelCount) pixels")
        self.pixels = pixels
        self.digits = digits
    }

    public var count: Int { digits.count }

    public func image(_ i: Int) -> ArraySlice<Float> { pixels[(i * Self.pixelCount)..<((i + 1) * Self.pixelCount)] }

    /// How many images show each digit, 0…9.
    public var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: 10)
        for d in digits { counts[d] += 1 }
        return counts
    }
}

/// The two fixed parts of the bundled digits.
public struct DigitsSplit: Sendable, Equatable {
    public var training: DigitImages
    public var heldOut: DigitImages
}

extension BundledDatasets {
    /// The bundled digits, split as data/digits/digits.csv says.
    public static func digits() throws -> DigitsSplit {
        guard let folder = BundledFolder.locate("data") else {
            throw NotFound(description: "cannot find ganbook's bundled data folder (data/digits/digits.csv)")
        }
        let path = FileSystem.join(folder, "digits/digits.csv")
        let bytes: [UInt8]
        do { bytes = try FileSystem.read(path) } catch { throw CSVError("\(path): cannot read the bundled digits") }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw CSVError("\(path): not valid UTF-8 text") }
        return try DigitsCSV.parse(text, name: path)
    }
}

/// Reads the digits' CSV: a header `split,digit,r0c0,…,r7c7`, then one image
/// per line, its split `train` or `heldout`, its digit 0…9, and 64 grey
/// levels 0…16. Any other line is one `CSVError` naming the line.
public enum DigitsCSV {
    public static func parse(_ text: String, name: String) throws(CSVError) -> DigitsSplit {
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        let columns = 2 + DigitImages.pixelCount
        guard let header = lines.first, try CSVDataset.fields(header, name: name, line: 1).prefix(2) == ["split", "digit"] else {
            throw CSVError("\(name):1: the header must start with split,digit")
        }
        var train = (pixels: [Float](), digits: [Int]()), held = (pixels: [Float](), digits: [Int]())
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            let row = try CSVDataset.fields(line, name: name, line: number)
            guard row.count == columns else { throw CSVError("\(name):\(number): row has \(row.count) fields, expected \(columns)") }
            guard let digit = Int(row[1]), (0...9).contains(digit) else { throw CSVError("\(name):\(number): digit '\(row[1])' is not 0 to 9") }
            var pixels: [Float] = []
            pixels.reserveCapacity(DigitImages.pixelCount)
            for (column, field) in row.dropFirst(2).enumerated() {
                guard let level = Int(field), (0...DigitImages.maximumLevel).contains(level) else {
                    throw CSVError("\(name):\(number): pixel \(column + 1) '\(field)' is not a grey level 0 to \(DigitImages.maximumLevel)")
                }
                pixels.append(Float(level) / Float(DigitImages.maximumLevel))
            }
            switch row[0] {
            case "train": train.pixels += pixels; train.digits.append(digit)
            case "heldout": held.pixels += pixels; held.digits.append(digit)
            default: throw CSVError("\(name):\(number): split '\(row[0])' is neither train nor heldout")
            }
        }
        guard !train.digits.isEmpty, !held.digits.isEmpty else { throw CSVError("\(name): needs both training and held-out images") }
        return DigitsSplit(
            training: DigitImages(pixels: train.pixels, digits: train.digits),
            heldOut: DigitImages(pixels: held.pixels, digits: held.digits))
    }
}
