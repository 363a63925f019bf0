/// ganbook-bench: times ganbook's own code inside one process, for
/// `make bench` (bench/run.py), which compares it with the peers.
///
///     ganbook-bench fit X.f64 Y.u8 ROWS FEATURES REPEATS
///
/// reads row-major float64 features and uint8 labels written by bench/run.py,
/// fits naive Bayes and logistic regression REPEATS times each, and prints the
/// median fit times in seconds as JSON. Only the fits are timed.
///
///     ganbook-bench gan-step STEPS
///
/// times training steps (one D step and one G step) of a 2×128 MLP G and D on
/// the ring, batch 256, Adam, and prints the median step time in seconds and
/// the kernel path (GANBOOK_KERNEL forces one). Every product runs on one thread.
///
///     ganbook-bench remedy-step METHOD STEPS
///
/// times training steps of one method of `demo mode-collapse` (vanilla,
/// pacgan, minibatch, unrolled, dragan, ebgan, mad-gan, mrgan) in the demo's
/// own setting (`CollapseSetting.configuration`: ring, batch 128, the demo's
/// default K = 5 for the Unrolled GAN), and prints the median step time in
/// seconds and the kernel path, as JSON.
///
///     ganbook-bench digits-step STEPS
///
/// times training steps of `demo digits`'s default GAN (`DigitsSetting`: the
/// bundled training digits, z of 16, G and D with 2 hidden layers of 128,
/// batch 64, Adam) and prints the median step time in seconds and the kernel
/// path, as JSON.
import Datasets
import Demos
import Foundation
import GAN
import Models
import NeuralNet

if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "gan-step", let steps = Int(CommandLine.arguments[2]) {
    var configuration = GANConfiguration(target: .ring)
    configuration.batch = 256
    configuration.hidden = 128
    configuration.layers = 2
    var trainer = GANTrainer(configuration)
    for _ in 0..<20 { trainer.step() }  // warm-up
    var times: [Double] = []
    for _ in 0..<steps { times.append(seconds { trainer.step() }) }
    print("{\"gan_step\": \(median(times)), \"kernel\": \"\(KernelPath.current.rawValue)\"}")
    exit(0)
}

if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "remedy-step", let method = CollapseMethod(rawValue: CommandLine.arguments[2]),
    let steps = Int(CommandLine.arguments[3])
{
    var trainer = GANTrainer(CollapseSetting.configuration(method, target: .ring, seed: 1, unroll: 5))
    for _ in 0..<10 { trainer.step() }  // warm-up
    var times: [Double] = []
    for _ in 0..<steps { times.append(seconds { trainer.step() }) }
    print(
        "{\"method\": \"\(method.rawValue)\", \"step\": \(median(times)), "
            + "\"kernel\": \"\(KernelPath.current.rawValue)\"}")
    exit(0)
}

if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "digits-step", let steps = Int(CommandLine.arguments[2]) {
    let data = try BundledDatasets.digits()
    var trainer = GANTrainer(DigitsSetting.configuration(loss: .nonsaturating, method: .vanilla, seed: 1, training: data.training))
    for _ in 0..<20 { trainer.step() }  // warm-up
    var times: [Double] = []
    for _ in 0..<steps { times.append(seconds { trainer.step() }) }
    print("{\"digits_step\": \(median(times)), \"kernel\": \"\(KernelPath.current.rawValue)\"}")
    exit(0)
}

func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    return (clock.now - start) / .seconds(1)
}

let arguments = CommandLine.arguments
guard arguments.count == 7, arguments[1] == "fit", let rows = Int(arguments[4]), let features = Int(arguments[5]),
    let repeats = Int(arguments[6])
else {
    FileHandle.standardError.write(Data("usage: ganbook-bench fit X.f64 Y.u8 ROWS FEATURES REPEATS\n".utf8))
    exit(2)
}
let xData = try Data(contentsOf: URL(fileURLWithPath: arguments[2]))
let yData = try Data(contentsOf: URL(fileURLWithPath: arguments[3]))
guard xData.count == rows * features * 8, yData.count == rows else {
    FileHandle.standardError.write(Data("ganbook-bench: the files do not hold \(rows) × \(features) rows\n".utf8))
    exit(1)
}
let x: [Double] = xData.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
let y: [Int] = yData.map(Int.init)

var nbTimes: [Double] = [], lrTimes: [Double] = []
var iterations = 0
for _ in 0..<repeats {
    nbTimes.append(try seconds { _ = try GaussianNaiveBayes.fit(x: x, features: features, labels: y) })
    lrTimes.append(try seconds { iterations = try LogisticRegression.fit(x: x, features: features, labels: y, c: 1).iterations })
}
print("{\"naive_bayes\": \(median(nbTimes)), \"logistic_regression\": \(median(lrTimes)), \"lr_iterations\": \(iterations)}")
