/// `ganbook lab`: watch and steer a toy GAN while it trains (GAN Lab for the
/// terminal). A thin command: the options, the loop, the screen and the keys
/// are the Lab module's (see `LabOptions`).
import ArgumentParser
import Lab
import Localization

struct LabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab", abstract: HelpText.abstract("Watch and steer a toy GAN while it trains, full-screen."), discussion: HelpText.discussion(LabOptions.discussion))

    @OptionGroup var options: LabOptions
    @OptionGroup var language: LanguageOption

    func run() throws {
        LabText.translator = .forLab(try language.language)
        if let signal = try options.run() { throw ExitCode(128 + signal) }
    }
}
