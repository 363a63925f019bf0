import Foundation
import TestSupport
import Testing

/// `ganbook quiz --lang zh` through the binary, answers on stdin (issue 13):
/// the Chinese edition's cards, Chinese prompts, feedback and summary, the
/// same answers recorded as in English; and `quiz stats --lang zh`.
@Suite struct QuizChineseCommandTests {
    static let english = """
        # Two editions

        ## The section

        ```quiz
        id: t-recall
        Q: What does G take as input?
        A: noise z

        id: t-choice
        Q: Which player outputs a probability?
        - [ ] the generator
        - [x] the discriminator

        id: t-number
        Q: What is JSD(p‖p)?
        A: = 0 ± 0.001
        ```
        """
    static let chinese = """
        # 两个版本

        ## 这一节

        ```quiz
        id: t-recall
        Q: G 的输入是什么？
        A: 噪声 z

        id: t-choice
        Q: 哪一方输出一个概率？
        - [ ] 生成器
        - [x] 判别器

        id: t-number
        Q: JSD(p‖p) 等于多少？
        A: = 0 ± 0.001
        ```
        """

    /// A notebook with an English and a Chinese edition, and two data folders.
    func withNotebook(_ body: (_ notes: String, _ data: (String) -> String) throws -> Void) throws {
        let root = temporaryURL("quiz-zh")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("notes/zh"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.english.write(to: root.appendingPathComponent("notes/01-two.md"), atomically: true, encoding: .utf8)
        try Self.chinese.write(to: root.appendingPathComponent("notes/zh/01-two.md"), atomically: true, encoding: .utf8)
        try body(root.appendingPathComponent("notes").path) { root.appendingPathComponent("data-" + $0).path }
    }

    /// The numbers of the stats' first table, by note, without the time-dependent next due.
    func progressRows(_ notes: String, _ data: String) throws -> [[String: Int]] {
        let stats = try QuizCommandTests().run(["quiz", "stats", "--notes", notes, "--data", data, "--json"], input: "")
        #expect(stats.status == 0, "\(stats.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as! [String: Any]
        let table = (object["items"] as! [[String: Any]]).compactMap { $0["table"] as? [String: Any] }.first!
        return (table["rows"] as! [[String: Any]]).map { row in row.compactMapValues { $0 as? Int } }
    }

    /// Runs of three or more ASCII letters with a lower-case one, other than the
    /// key and command names a Chinese line keeps.
    static func englishWords(_ line: String) -> [String] {
        line.matches(of: /[A-Za-z]{3,}/).map { String($0.output) }
            .filter { $0.contains(where: \.isLowercase) && !["Enter", "ganbook", "read", "lang", "quiz", "two"].contains($0) }
    }

    @Test func aScriptedChineseSessionIsChineseAndRecordsTheSameAnswers() throws {
        try withNotebook { notes, data in
            // Recall: Enter shows, 2 (Hard). Choice: 7 is refused, then 1, right or wrong (the
            // option order is the same in both languages). Number: "x" is refused, then 0 (Good).
            // The session then ends, its cards in learning steps: q is not read.
            let input = "\n2\n7\n1\nx\n0\nq\n"
            let en = try QuizCommandTests().run(["quiz", "--notes", notes, "--data", data("en")], input: input)
            let zh = try QuizCommandTests().run(["quiz", "--notes", notes, "--data", data("zh"), "--lang", "zh"], input: input)
            #expect(en.status == 0 && zh.status == 0, "\(en.stderr)\(zh.stderr)")
            #expect(en.stdout.hasPrefix("3 cards to go: 0 due, 3 new. Type q to stop.\n"))
            for line in [
                "本次复习 3 张卡片：0 张到期，3 张新卡片。输入 q 停止。",
                "── 1/3 · two › 这一节 · 新卡片 ──",
                "问：G 的输入是什么？",
                "（按 Enter 显示答案）",
                "答：噪声 z",
                "回想得怎么样？1 重来 <1 分钟 · 2 困难 6 分钟 · 3 良好 10 分钟 · 4 简单 ",
                "  下次复习在 6 分钟后",
                "你的答案（1–2）：",
                "请输入 1 到 2 之间的数字（或输入 q 停止）。",
                "你的答案（一个数字）：",
                "请输入一个数字，例如 2.5（或输入 q 停止）。",
                "✓ 答对了：0 ± 0.001。（良好）",
                "   ↪ ganbook read two#这一节 --notes \(notes) --lang zh",
                "回答了 3 张（共 3 张）：重来 ",
            ] {
                #expect(zh.stdout.contains(line), "\(line)")
            }
            #expect(zh.stdout.contains("✓ 答对了。（良好）") || zh.stdout.contains("✗ 不太对。答案：2) 判别器（重来）"))
            // (The read hint carries the notes folder's path, which is no sentence.)
            for line in zh.stdout.split(separator: "\n") where !line.contains("ganbook read") {
                #expect(Self.englishWords(String(line)).isEmpty, "\(line)")
            }
            // The same lines and the same answers, graded the same.
            #expect(en.stdout.split(separator: "\n").count == zh.stdout.split(separator: "\n").count)
            #expect(try progressRows(notes, data("en")) == progressRows(notes, data("zh")))
            // Stats, in English, count three reviews either way: Hard, the choice, Good.
            #expect(try progressRows(notes, data("zh")).first { $0["reviews"] != nil }?["reviews"] == 3)
        }
    }

    @Test func statsInChinese() throws {
        try withNotebook { notes, data in
            _ = try QuizCommandTests().run(["quiz", "--notes", notes, "--data", data("zh"), "--lang", "zh"], input: "\n4\nq\n")
            let stats = try Binary.run(
                ["quiz", "stats", "--notes", notes, "--data", data("zh"), "--lang", "zh", "--width", "100"],
                environment: ["GANBOOK_NOW": "1800000060"])
            #expect(stats.status == 0, "\(stats.stderr)")
            for word in [
                "测验进度", "笔记", "卡片", "新卡片", "首次答对 %", "下次到期", "合计", "真实保留率",
                "7 天保留率 %", "现在到期 0 张 · 新卡片 2 张 · 已记录 1 次复习 · ganbook quiz",
                "未来 30 天每天到期的复习（今天包括已逾期的）", "今天",
            ] {
                #expect(stats.stdout.contains(word), "\(word)")
            }
            for line in stats.stdout.split(separator: "\n") {
                #expect(Self.englishWords(String(line)).isEmpty, "\(line)")
            }
            // JSON keeps its English keys, whatever the language.
            let json = try Binary.run(
                ["quiz", "stats", "--notes", notes, "--data", data("zh"), "--lang", "zh", "--json"],
                environment: ["GANBOOK_NOW": "1800000060"])
            #expect(json.stdout.contains("\"first try %\""))
            // The same numbers as in English.
            let en = try Binary.run(
                ["quiz", "stats", "--notes", notes, "--data", data("zh"), "--width", "100"],
                environment: ["GANBOOK_NOW": "1800000060"])
            func digits(_ text: String) -> [String] { text.matches(of: /[0-9]+/).map { String($0.output) }.sorted() }
            #expect(digits(en.stdout) == digits(stats.stdout))
        }
    }
}
