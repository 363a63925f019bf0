/// How a long demo says how far it has got. The demo calls it with a fraction
/// done and a short label; the command-line tool shows a bar on stderr when
/// stderr is a terminal, and nothing otherwise. A report never depends on it.
public struct Progress: Sendable {
    let update: @Sendable (Double, String) -> Void

    public init(_ update: @escaping @Sendable (Double, String) -> Void) { self.update = update }

    /// Reports nothing.
    public static let silent = Progress { _, _ in }

    public func callAsFunction(_ fraction: Double, _ label: String) { update(min(max(fraction, 0), 1), label) }

    /// A progress that maps [0, 1] onto [start, end] of this one, for one part of a longer job.
    public func part(_ start: Double, _ end: Double) -> Progress {
        let update = self.update
        return Progress { fraction, label in update(start + (end - start) * fraction, label) }
    }
}
