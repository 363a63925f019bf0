/// Independent, seeded jobs run on every core: the trainings of the GAN
/// demos, and the notebook's uncached cells. Each job's result depends only on its own inputs, so the output
/// does not depend on how many cores there are or which job ends first.
import Dispatch
import Foundation

package enum ConcurrentJobs {
    /// `body(i)` for every i in 0..<count, started in `order` (longest first
    /// keeps the cores busy to the end), on as many workers as there are
    /// cores. Calls `finished(done)` after each job, from the worker.
    package static func run<Result: Sendable>(
        _ count: Int, order: [Int]? = nil, finished: @Sendable (Int) -> Void = { _ in },
        _ body: @Sendable (Int) -> Result
    ) -> [Result] {
        let order = order ?? Array(0..<count)
        let results = Box<[Result?]>(Array(repeating: nil, count: count))
        let next = Box(0), done = Box(0)
        let workers = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let slot = next.update { n -> Int in
                    defer { n += 1 }; return n
                }
                guard slot < order.count else { return }
                let index = order[slot]
                let result = body(index)
                results.update { $0[index] = result }
                finished(
                    done.update {
                        $0 += 1; return $0
                    })
            }
        }
        return results.value.map { $0! }
    }
}
