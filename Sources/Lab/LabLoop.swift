/// Running a session: live in a terminal (train in slices between frames at
/// about 20 frames per second, keys from the keyboard and from a script,
/// resize, signals), as plain-text frames at fixed steps (`--frames`), and the
/// timed runs `make bench` measures.
///
/// Owns the clock and the pacing. One thread: training and drawing take
/// turns, so the run is the same for the same seed and keys, whatever the
/// frame rate.
import TerminalKit

package enum LabLoop {
    /// Frames per second aimed at while running.
    package static let targetFramesPerSecond = 20.0

    package struct Ending: Sendable, Equatable {
        /// The signal that ended the session, if one did.
        package var signal: Int32?
    }

    package struct Figures: Sendable {
        package var steps: Int
        package var frames: Int
        package var seconds: Double
    }

    /// `count` frames as plain text, after `every`, 2·`every`, … steps, at `columns`×`rows`.
    package static func frames(
        _ settings: LabSettings, count: Int, every: Int, columns: Int, rows: Int,
        write: (String) -> Bool
    ) {
        var session = LabSession(settings: settings)
        let screen = LabScreen(columns: columns, rows: rows, color: false)
        for i in 1...count {
            while session.step < i * every { session.fullStep() }
            let canvas = screen.compose(&session, rates: .init(), mode: LabText.frames + " \(i)/\(count)")
            guard write(canvas.plainText + (i < count ? "\n" : "")) else { return }
        }
    }

    /// A live session on the terminal. `script` runs first; with no keyboard
    /// (stdin not a TTY) the session ends when the script does.
    package static func live(
        _ settings: LabSettings, speed: LabSpeed = .init(), script: [ScriptItem], keyboard: Bool, depth: ColorDepth
    ) -> Ending {
        let terminal = RawTerminal(keyboard: keyboard, screen: .alternate, endings: .report)
        terminal.enter()
        defer { terminal.restore() }
        var session = LabSession(settings: settings)
        session.speed = speed
        var runner = Runner(session: session, script: script, keyboard: keyboard, depth: depth)
        let ending = runner.run(terminal: terminal, size: { TerminalEnvironment.size() ?? (80, 24) })
        return ending
    }

    /// A timed run for `make bench`: running from the start for `seconds`, drawing at
    /// `columns`×`rows` to stdout unless `draw` is false.
    package static func bench(_ settings: LabSettings, seconds: Double, columns: Int, rows: Int, draw: Bool) -> Figures {
        var runner = Runner(session: LabSession(settings: settings), script: [], keyboard: false, depth: .trueColor)
        runner.session.running = true
        runner.draws = draw
        runner.duration = seconds
        let terminal = RawTerminal(keyboard: false)
        _ = runner.run(terminal: terminal, size: { (columns, rows) })
        return Figures(steps: runner.session.step, frames: runner.framesDrawn, seconds: runner.elapsed)
    }
}

/// The live loop's state.
struct Runner {
    var session: LabSession
    var script: [ScriptItem]
    var scriptIndex = 0
    let keyboard: Bool
    var encoder: ScreenEncoder
    let depth: ColorDepth
    var draws = true
    var duration: Double?
    var framesDrawn = 0
    var elapsed = 0.0
    /// (seconds, step) at recent frames, for the rates in the status line.
    var recent: [(Double, Int)] = []
    /// Under a speed limit: the steps owed, and when they were last counted (nil when not running).
    var credit = 0.0
    var pacedUntil: Double?

    init(session: LabSession, script: [ScriptItem], keyboard: Bool, depth: ColorDepth) {
        self.session = session
        self.script = script
        self.keyboard = keyboard
        self.depth = depth
        encoder = ScreenEncoder(depth: depth)
    }

    mutating func run(terminal: RawTerminal, size: () -> (columns: Int, rows: Int)) -> LabLoop.Ending {
        let keys = RawKeys(terminal: terminal)
        let clock = ContinuousClock()
        let start = clock.now
        func now() -> Double { (clock.now - start) / .seconds(1) }
        let interval = 1 / LabLoop.targetFramesPerSecond
        var (columns, rows) = size()
        var dirty = true
        var nextFrame = 0.0
        var waitUntil = 0.0
        defer { elapsed = now() }
        while true {
            if let s = terminal.terminationSignal { return .init(signal: s) }
            if terminal.takeResize() {
                (columns, rows) = size()
                encoder.invalidate()
                dirty = true
            }
            if let duration, now() >= duration { return .init(signal: nil) }
            // The script's keys that are due, then the keyboard's.
            while scriptIndex < script.count, now() >= waitUntil {
                let item = script[scriptIndex]
                scriptIndex += 1
                switch item {
                case .wait(let ms): waitUntil = now() + Double(ms) / 1000
                case .key(let key):
                    if session.handle(key) == .quit { return .init(signal: nil) }
                    dirty = true
                }
            }
            for key in keys.typed() {
                if session.handle(key) == .quit { return .init(signal: nil) }
                dirty = true
            }
            let scriptDone = scriptIndex >= script.count && now() >= waitUntil
            if !keyboard, duration == nil, scriptDone {
                if dirty { draw(columns, rows, now()) }
                return .init(signal: nil)
            }
            let deadline = min(nextFrame, scriptIndex < script.count ? waitUntil : .infinity)
            if session.running, session.speed.stepsPerSecond == nil {
                // Train until the next frame is due (at least one step, so a slow step still advances).
                repeat { session.fullStep() } while now() < deadline && terminal.terminationSignal == nil
                dirty = true
            } else if session.running {
                if trainPaced(now(), deadline: deadline, now: now) { dirty = true }
            } else {
                pacedUntil = nil
            }
            let t = now()
            if dirty && t >= nextFrame {
                if draws { draw(columns, rows, t) }
                framesDrawn += 1
                dirty = false
                nextFrame = max(nextFrame + interval, t)
            }
            let limit = session.speed.stepsPerSecond
            if !session.running || limit != nil {
                let untilScript = scriptIndex < script.count ? max(waitUntil - now(), 0) : 0.25
                let untilFrame = dirty ? max(nextFrame - now(), 0) : 0.25
                // Paced: until the next step is due.
                let untilStep = session.running ? max((1 - credit) / (limit ?? 1), 0) : 0.25
                terminal.wait(milliseconds: Int((min(untilScript, untilFrame, untilStep, 0.25) * 1000).rounded(.up)))
            }
        }
    }

    /// Steps a paced run owes: `credit` grows by the limit times the time
    /// since the last call; whole steps are taken while it lasts and the frame
    /// is not due. It is capped at two frames' worth (at least one step, and
    /// not one frame's, whose rounding would lose steps), so a
    /// slow step or a pause never brings a burst of catching up. Returns
    /// whether a step was taken.
    mutating func trainPaced(_ t: Double, deadline: Double, now: () -> Double) -> Bool {
        let limit = session.speed.stepsPerSecond ?? .infinity
        credit = min(credit + (t - (pacedUntil ?? t)) * limit, max(2 * limit / LabLoop.targetFramesPerSecond, 1))
        pacedUntil = t
        var stepped = false
        while credit >= 1 {
            session.fullStep()
            credit -= 1
            stepped = true
            if now() >= deadline { break }
        }
        return stepped
    }

    mutating func draw(_ columns: Int, _ rows: Int, _ t: Double) {
        recent.append((t, session.step))
        while let first = recent.first, t - first.0 > 1.0, recent.count > 2 { recent.removeFirst() }
        var rates = LabScreen.Rates()
        if session.running, let first = recent.first, t - first.0 > 0.2 {
            rates.stepsPerSecond = Double(session.step - first.1) / (t - first.0)
            rates.framesPerSecond = Double(recent.count - 1) / (t - first.0)
        }
        let screen = LabScreen(columns: columns, rows: rows, color: depth != .none)
        let canvas = screen.compose(&session, rates: rates)
        Output.write(encoder.update(to: canvas))
    }
}
