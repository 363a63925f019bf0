/// The lab's screen, composed from a session into a `Canvas`: a title row,
/// the picture on the left (the plane with D's heat map, samples and arrows
/// for 2-D targets; p_data, G's histogram, D and D* for 1-D ones), the curves
/// on the right (losses and true distances over the steps, with the steps
/// where settings changed), the status line at the bottom, and the help
/// overlay. Below the minimum size, a message instead.
///
/// Owns layout. The numbers come from `PlaneView`, `LineView` and the
/// session's checkpoints; colours and glyphs from `LabPalette`.
import Demos
import Distributions
import GAN
import NeuralNet
import TerminalKit

package struct LabScreen: Sendable {
    package static let minimumColumns = 80
    package static let minimumRows = 24

    package var columns: Int
    package var rows: Int
    package var palette: LabPalette

    package init(columns: Int, rows: Int, color: Bool) {
        self.columns = columns
        self.rows = rows
        palette = LabPalette(color: color)
    }

    package var isTooSmall: Bool { columns < Self.minimumColumns || rows < Self.minimumRows }

    /// Rates for the status line; nil (as in `--frames`) shows "–", so frames are the same bytes every run.
    package struct Rates: Sendable {
        package var stepsPerSecond: Double?
        package var framesPerSecond: Double?
        package init(stepsPerSecond: Double? = nil, framesPerSecond: Double? = nil) {
            self.stepsPerSecond = stepsPerSecond
            self.framesPerSecond = framesPerSecond
        }
    }

    /// The rows of the plane (2-D) or the 1-D plot; its columns are twice that, so the plane is square.
    var pictureRows: Int {
        let content = rows - 2
        return min(content - 1, (columns - 38) / 2)
    }
    var pictureColumns: Int { 2 * pictureRows }

    package func compose(_ session: inout LabSession, rates: Rates, mode: String? = nil) -> Canvas {
        var canvas = Canvas(columns: columns, rows: rows)
        if isTooSmall {
            let lines = [
                LabText.tooSmall(
                    columns: columns, rows: rows, minimumColumns: Self.minimumColumns,
                    minimumRows: Self.minimumRows), LabText.tooSmallHint,
            ]
            for (i, line) in lines.enumerated() {
                let w = line.displayWidth
                canvas.write(line, max((columns - w) / 2, 0), max(rows / 2 - 1 + i, 0), bold: i == 0)
            }
            return canvas
        }
        let target = session.settings.target
        let s = session.settings
        // The method, when there is one; its loss when it keeps the chosen one (PacGAN, minibatch).
        var parts = s.method == .vanilla ? [] : [LabText.t(s.method.title)]
        if !s.methodOwnsLoss { parts.append(LabText.t(s.loss.rawValue)) }
        let title = "ganbook lab · " + (parts + [LabText.t(target.name)]).joined(separator: " · ")
        canvas.write(title, 0, 0, bold: true)
        if session.gauge != nil {
            drawDigits(&canvas, session)
        } else if session.trainer.configuration.target.dimension == 2 {
            drawPlane(&canvas, session)
        } else if case .oneDimensional(let mixture, _) = target {
            drawLine(&canvas, session, mixture, noise: session.samples.noise)
        }
        drawCurves(&canvas, &session)
        drawStatus(&canvas, session, rates: rates, mode: mode)
        if session.showHelp { drawHelp(&canvas) }
        return canvas
    }

    // MARK: The picture

    func drawPlane(_ canvas: inout Canvas, _ session: LabSession) {
        let top = 1
        let window = PlaneWindow.around(session.settings.target, columns: pictureColumns, rows: pictureRows)
        let view = PlaneView(trainer: session.trainer, samples: session.samples, window: window)
        for row in 0..<window.rows {
            for column in 0..<window.columns {
                let level = view.level(column, row)
                if palette.color {
                    canvas.put(" ", column, top + row, background: palette.heat(level))
                } else {
                    canvas.put(LabPalette.rampCharacter(level), column, top + row)
                }
            }
        }
        func mark(_ x: Double, _ y: Double, _ glyph: Character, _ color: RGB) {
            guard let (c, r) = window.cell(x, y) else { return }
            canvas.put(glyph, c, top + r, foreground: color, bold: true)
        }
        // A cell holding a real sample and one of G's shows the overlap mark, as
        // `demo train`'s plots do, so that G's x never hides a real o.
        var realCells = Set<Int>()
        for (x, y) in view.real {
            guard let (c, r) = window.cell(x, y) else { continue }
            realCells.insert(r * window.columns + c)
            mark(x, y, LabPalette.realGlyph, palette.real)
        }
        for (x, y) in view.fake {
            guard let (c, r) = window.cell(x, y) else { continue }
            let both = realCells.contains(r * window.columns + c)
            mark(x, y, both ? LabPalette.overlapGlyph : LabPalette.fakeGlyph, both ? palette.overlap : palette.fake)
        }
        for (i, push) in view.push.enumerated() {
            guard let glyph = PlaneView.arrow(push.0, push.1) else { continue }
            mark(view.fake[i].0, view.fake[i].1, glyph, palette.arrow)
        }
        let low = view.heat.low, high = view.heat.high
        let arrow: String
        switch session.settings.method {
        case .ebgan: arrow = LabText.t("−∇ energy")
        case .unrolled: arrow = LabText.t("−∇ G's loss (K=0)")
        default: arrow = LabText.legendArrow
        }
        let heat = palette.color ? "\(low) … \(high)" : "\(low) " + String(LabPalette.ramp.dropFirst()) + " \(high)"
        var legend =
            "\(LabPalette.realGlyph) \(LabText.legendReal)  \(LabPalette.fakeGlyph) \(LabText.legendFake)  "
            + "\(LabPalette.overlapGlyph) \(LabText.legendBoth)  ↗ \(arrow)  " + heat
        if legend.displayWidth > pictureColumns + 2 {
            // Narrower: ◆ goes without its word first, then o and x without theirs,
            // so that what the heat and arrows show stays.
            legend =
                "\(LabPalette.realGlyph) \(LabText.legendReal)  \(LabPalette.fakeGlyph) \(LabText.legendFake)  "
                + "\(LabPalette.overlapGlyph)  ↗ \(arrow)  " + heat
        }
        if legend.displayWidth > pictureColumns + 2 {
            legend = "\(LabPalette.realGlyph) \(LabPalette.fakeGlyph) \(LabPalette.overlapGlyph)  ↗ \(arrow)  " + heat
        }
        canvas.write(legend, 0, top + window.rows, foreground: palette.dim, limit: pictureColumns + 2)
        if palette.color {
            // The heat colours themselves, as a key after the words.
            let used = legend.displayWidth
            let keyWidth = min(8, pictureColumns + 2 - used - 1)
            for i in 0..<max(keyWidth, 0) {
                canvas.put(" ", used + 1 + i, top + window.rows, background: palette.heat(Double(i) / Double(max(keyWidth - 1, 1))))
            }
        }
    }

    func drawLine(_ canvas: inout Canvas, _ session: LabSession, _ mixture: Mixture, noise: Matrix<Float>) {
        let top = 1
        let axis = 2  // "1 " / "0 " labels on the left
        let width = pictureColumns - axis, height = pictureRows - 2
        let view = LineView(trainer: session.trainer, noise: noise, data: mixture, columns: width)
        let peak = max(view.data.max() ?? 1, 1e-9) * 1.25
        func rowOf(_ t: Double) -> Int {  // t in [0, 1], 1 at the top
            top + Int(((1 - min(max(t, 0), 1)) * Double(height - 1)).rounded())
        }
        for c in 0..<width {
            // The histogram as bars of eighths, from the bottom row up.
            let eighths = Int((min(view.histogram[c] / peak, 1) * Double(height * 8)).rounded())
            for r in 0..<height {
                let filled = eighths - 8 * r
                guard filled > 0 else { break }
                canvas.put(LabPalette.bars[min(filled, 8) - 1], axis + c, top + height - 1 - r, foreground: palette.histogram)
            }
        }
        // D* = p_data/(p_data + p_g) is the optimal D of the JS game; a WGAN
        // critic is not a probability and has no such optimum on this axis.
        for c in 0..<width where !view.isCritic {
            canvas.put(LabPalette.optimalGlyph, axis + c, rowOf(view.optimal[c]), foreground: palette.optimalCurve, bold: true)
        }
        for c in 0..<width {
            canvas.put(LabPalette.discriminatorGlyph, axis + c, rowOf(view.discriminator[c]), foreground: palette.discriminatorCurve, bold: true)
        }
        for c in 0..<width {
            canvas.put(LabPalette.dataGlyph, axis + c, rowOf(view.data[c] / peak), foreground: palette.dataCurve, bold: true)
        }
        canvas.write("1", 0, top, foreground: palette.dim)
        canvas.write("½", 0, rowOf(0.5), foreground: palette.dim)
        canvas.write("0", 0, top + height - 1, foreground: palette.dim)
        // x axis: the window's ends and middle.
        let xs = [view.xRange.lowerBound, (view.xRange.lowerBound + view.xRange.upperBound) / 2, view.xRange.upperBound]
        let labels = xs.map { LabFormat.fixed($0, 1) }
        canvas.write(labels[0], axis, top + height)
        canvas.write(labels[1], axis + width / 2 - labels[1].count / 2, top + height)
        canvas.write(labels[2], axis + width - labels[2].count, top + height)
        if view.outside > 0 {
            canvas.write("\(LabText.outside) \(LabFormat.fixed(view.outside * 100, 0))%", axis + width / 4, top + height, foreground: palette.dim)
        }
        let dName = view.isCritic ? LabText.legendCritic : LabText.legendD
        var legend =
            "\(LabPalette.dataGlyph) \(LabText.legendData)  \(LabPalette.bars[4]) \(LabText.legendHistogram)  "
            + "\(LabPalette.discriminatorGlyph) \(dName)"
        if !view.isCritic { legend += "  \(LabPalette.optimalGlyph) \(LabText.legendDStar)" }
        canvas.write(legend, 0, top + height + 1, foreground: palette.dim, limit: pictureColumns + 2)
        let scale = view.isCritic ? LabText.legendScaleCritic : LabText.legendScale
        canvas.write(scale, 0, top + height + 2, foreground: palette.dim, limit: pictureColumns + 2)
    }

    // MARK: The curves

    func drawCurves(_ canvas: inout Canvas, _ session: inout LabSession) {
        let left = pictureColumns + 2
        let width = columns - left
        let content = rows - 2
        let chartHeight = max((content - 2) / 4 - 1, 2)
        let xMax = Double(max(session.step, 100))
        let changes = session.changes.map(\.step)
        let charts: [CurveChart]
        if session.gauge != nil {
            charts = digitsCharts(session)
        } else if session.trainer.configuration.target.dimension == 1 {
            charts = lineCharts(&session)
        } else {
            charts = planeCharts(&session)
        }
        var row = 1
        for chart in charts {
            chart.draw(
                into: &canvas, column: left, row: row, width: width, height: chartHeight, xMax: xMax,
                changes: changes, palette: palette)
            row += chartHeight + 1
        }
        let end = LabText.step + " " + String(Int(xMax))
        canvas.write("0", left, row, foreground: palette.dim)
        canvas.write(end, left + width - end.displayWidth, row, foreground: palette.dim)
        // The note between "0" and the step label, centred when it can be, else
        // just left of the label; two columns clear of both, or not at all.
        let note = session.gauge == nil ? LabText.curvesNote : LabText.digitsCurvesNote(LabSession.digitsMeasureEvery)
        let noteLeft = min(left + (width - note.displayWidth) / 2, left + width - end.displayWidth - 2 - note.displayWidth)
        if noteLeft >= left + 3 {
            canvas.write(note, noteLeft, row, foreground: palette.dim)
        }
        row += 1
        if !session.changes.isEmpty, row < rows - 1 {
            var text = LabText.changes
            for change in session.changes.suffix(6) { text += " \(change.step): \(change.text) ·" }
            if text.hasSuffix(" ·") { text.removeLast(2) }
            canvas.write(text, left, row, foreground: palette.marker, limit: width)
        }
    }

    /// D's loss (a WGAN critic's estimate of W1, −loss) at each step, and the latest D loss.
    func dLossChart(_ session: LabSession) -> CurveChart {
        let isWasserstein = session.settings.loss.isWasserstein
        let points = session.dLosses.enumerated().map { (Double($0.offset + 1), isWasserstein ? -Double($0.element) : Double($0.element)) }
        let latest = isWasserstein ? -Double(session.lastDLoss) : Double(session.lastDLoss)
        return CurveChart(
            title: isWasserstein ? LabText.criticEstimate : LabText.dLoss, points: points, latest: latest, yRange: nil, color: palette.dLoss)
    }

    func gLossChart(_ session: LabSession) -> CurveChart {
        let points = session.gLosses.enumerated().map { (Double($0.offset + 1), Double($0.element)) }
        return CurveChart(title: LabText.gLoss, points: points, latest: Double(session.gLosses.last ?? .nan), yRange: nil, color: palette.gLoss)
    }

    /// 1-D: the losses, W1 and the histograms' JSD, as `demo train` measures them.
    func lineCharts(_ session: inout LabSession) -> [CurveChart] {
        let now = session.latestEvaluation()
        let checkpoints = session.checkpoints
        let w1 = checkpoints.map { (Double($0.step), $0.wasserstein1 ?? .nan) }
        let jsd = checkpoints.map { (Double($0.step), $0.jsdEstimate ?? .nan) }
        return [
            dLossChart(session),
            CurveChart(title: LabText.w1, points: w1, latest: now.wasserstein1 ?? .nan, yRange: nil, color: palette.distance),
            gLossChart(session),
            CurveChart(title: LabText.jsd, points: jsd, latest: now.jsdEstimate ?? .nan, yRange: nil, color: palette.second),
        ]
    }

    /// 2-D: the losses, the modes captured and the share of high-quality samples (VEEGAN's measures).
    func planeCharts(_ session: inout LabSession) -> [CurveChart] {
        let now = session.latestEvaluation()
        let checkpoints = session.checkpoints
        let modes = Double(session.settings.target.modes.count)
        let captured = checkpoints.map { (Double($0.step), Double($0.coverage?.modesCaptured ?? 0)) }
        let quality = checkpoints.map { (Double($0.step), ($0.coverage?.highQualityShare ?? .nan) * 100) }
        return [
            dLossChart(session),
            gLossChart(session),
            CurveChart(
                title: LabText.modes, points: captured, latest: Double(now.coverage?.modesCaptured ?? 0),
                yRange: 0...modes, color: palette.distance, format: { LabFormat.fixed($0, 0) }),
            CurveChart(
                title: LabText.highQuality, points: quality, latest: (now.coverage?.highQualityShare ?? .nan) * 100,
                yRange: 0...100, color: palette.second, format: { LabFormat.fixed($0, 1) }),
        ]
    }

    /// The digits: the losses, the Fréchet distance on a log axis over its
    /// floor, and the digits covered, as last measured (every
    /// `LabSession.digitsMeasureEvery` steps, not every frame).
    func digitsCharts(_ session: LabSession) -> [CurveChart] {
        let measures = session.digitsMeasures
        let frechet = measures.map { (Double($0.step), $0.frechet.value) }
        let covered = measures.map { (Double($0.step), Double($0.coverage.covered)) }
        let classes = Double(session.gauge?.classes ?? 10)
        var distance = CurveChart(
            title: LabText.frechet, points: frechet, latest: measures.last?.frechet.value ?? .nan, yRange: nil, color: palette.distance)
        distance.logarithmic = true
        distance.reference = session.gauge.map { ($0.floor.value, LabText.floor) }
        return [
            dLossChart(session),
            gLossChart(session),
            distance,
            CurveChart(
                title: LabText.digitsCovered, points: covered, latest: Double(measures.last?.coverage.covered ?? 0),
                yRange: 0...classes, color: palette.second, format: { LabFormat.fixed($0, 0) }),
        ]
    }

    // MARK: Status and help

    func drawStatus(_ canvas: inout Canvas, _ session: LabSession, rates: Rates, mode: String?) {
        let row = rows - 1
        let s = session.settings
        let state = mode ?? (session.running ? "▶ " + LabText.running : "‖ " + LabText.paused)
        var fields = [state, "\(LabText.step) \(session.step)"]
        if session.dStepsSinceG > 0 { fields[1] += " +\(session.dStepsSinceG)D" }
        fields += [
            "\(LabText.k) \(s.dSteps)",
            "\(LabText.lr) D \(LabFormat.rate(s.learningRateD)) G \(LabFormat.rate(s.learningRateG))",
            s.methodOwnsLoss ? s.method.rawValue : LabText.t(s.loss.rawValue),
            "\(LabText.seed) \(s.seed)",
        ]
        // Rates only live: --frames (a mode) are not timed, so they would only say "–".
        if mode == nil {
            fields += [
                "\(rates.stepsPerSecond.map { LabFormat.fixed($0, 0) } ?? "–") \(LabText.stepsPerSecond)"
                    + " (\(session.speed.limitText))",
                "\(rates.framesPerSecond.map { LabFormat.fixed($0, 0) } ?? "–") \(LabText.framesPerSecond)",
            ]
        }
        let tail = session.message.map { " │ " + $0 } ?? ""
        let text = Self.statusText(fields, tail: tail, hint: " │ " + LabText.helpHint, columns: columns)
        canvas.fill(0, row, width: columns, height: 1, background: palette.color ? palette.statusBackground : nil)
        canvas.write(text, 0, row, foreground: palette.status, background: palette.color ? palette.statusBackground : nil)
    }

    /// The status line within `columns`: the least useful fields give way
    /// first (frame rate, step rate, learning rates, seed, k), then the
    /// message; the help hint always stays.
    static func statusText(_ fields: [String], tail: String, hint: String, columns: Int) -> String {
        var kept = fields.map { Optional($0) }
        func line(_ tail: String) -> String { kept.compactMap { $0 }.joined(separator: " │ ") + tail + hint }
        for index in [7, 6, 3, 5, 2] where index < kept.count && line(tail).displayWidth > columns { kept[index] = nil }
        return line(tail).displayWidth <= columns ? line(tail) : line("")
    }

    func drawHelp(_ canvas: inout Canvas) {
        let keyWidth = LabText.helpKeys.map { $0.key.displayWidth }.max() ?? 0
        let lines = LabText.helpKeys.map { $0.key + String(repeating: " ", count: keyWidth - $0.key.displayWidth) + "  " + $0.meaning }
        let inner = min((lines.map(\.displayWidth).max() ?? 0) + 2, columns - 4)
        let height = lines.count + 2
        let left = max((columns - inner - 2) / 2, 0), top = max((rows - height) / 2, 1)
        let background = palette.color ? RGB(20, 20, 28) : nil
        canvas.fill(left, top, width: inner + 2, height: height, background: background)
        let rule = String(repeating: "─", count: inner)
        canvas.write("╭" + rule + "╮", left, top, foreground: palette.status, background: background)
        canvas.write(" " + LabText.helpTitle + " ", left + 2, top, foreground: palette.status, background: background, bold: true)
        for (i, line) in lines.enumerated() {
            canvas.write("│", left, top + 1 + i, foreground: palette.status, background: background)
            canvas.write(" " + line, left + 1, top + 1 + i, foreground: palette.status, background: background, limit: inner)
            canvas.write("│", left + inner + 1, top + 1 + i, foreground: palette.status, background: background)
        }
        canvas.write("╰" + rule + "╯", left, top + height - 1, foreground: palette.status, background: background)
    }
}
