/// `ganbook lab`: watch and steer a toy GAN while it trains (GAN Lab for the
/// terminal). A thin command: the options, the loop, the screen and the keys
/// are the Lab module's (see `LabOptions`).
import ArgumentParser
import Lab
import Localization

struct LabCommand: ParsableCommand {
    // Past 12 options ArgumentParser's usage reads `ganbook lab <options>`, as
    // if they were required; every option of the lab is optional.
    static let configuration = CommandConfiguration(
        commandName: "lab", abstract: HelpText.abstract("Watch and steer a toy GAN while it trains, full-screen."),
        usage: "ganbook lab [<options>]", discussion: HelpText.discussion(LabOptions.discussion))

    @OptionGroup var options: LabOptions
    @OptionGroup var language: LanguageOption

    func run() throws {
        LabText.translator = .forLab(try language.language)
        if let signal = try options.run() { throw ExitCode(128 + signal) }
    }
}
