import Foundation
import Localization
import Notebook
@testable import Quiz
import Report
import Scheduling
import Terminal
import TerminalKit
import TestSupport
import Testing

/// Issue 13: with a Chinese translator the quiz's prompts, feedback, summary
/// and stats are Chinese, with the same numbers, keys and recorded grades.
@Suite struct ChineseSessionTests {
    static let zh = Language.zh

    static let deck = cards(
        """
        id: r1
        Q: 生成器的输入是什么？
        A: 噪声 z

        id: c1
        Q: 哪一个是判别器？
        - [ ] 生成器
        - [x] 判别器
        - [ ] 噪声

        id: n1
        Q: log 2 等于多少？
        A: = 0.6931 ± 0.001
        """)

    /// Words a Chinese line may keep: key names and the command that opens a note.
    static let kept: Set<String> = ["Enter", "ganbook", "read", "log"]

    /// Runs of three or more ASCII letters with a lower-case one, not kept.
    static func englishWords(_ text: String) -> [String] {
        text.matches(of: /[A-Za-z]{3,}/).map { String($0.output) }
            .filter { $0.contains(where: \.isLowercase) && !kept.contains($0) }
    }

    /// The number (1-based) of c1's right option on its first review.
    static func rightOption(_ session: QuizSession) -> Int {
        let item = deck[1]
        guard case .choice(let choices) = item.card.answer else { fatalError("c1 is a choice card") }
        let order = session.optionOrder(QuizSession.Entry(item: item, memory: nil, reviewNumber: 0), count: choices.count)
        return order.firstIndex { choices[$0].isCorrect }! + 1
    }

    func session(_ store: ProgressStore, _ clock: TestClock, _ language: Language) -> QuizSession {
        var session = QuizSession(items: Self.deck, store: store, now: { clock.time }, startOfToday: clock.time - 3600)
        session.language = language
        return session
    }

    @Test func aKeySessionIsChineseEverywhere() throws {
        let store = try ProgressStore(folder: temporaryFolder())
        let clock = TestClock(1000)
        let session = session(store, clock, Self.zh)
        let right = Character(String(UnicodeScalar(UInt8(ascii: "a") + UInt8(Self.rightOption(session) - 1))))
        // r1: Enter, 3 (Good). c1: x is no option; the right letter, then 1 marks it as a guess (Again).
        // n1: 0.69 is close but outside the tolerance (Again); Enter goes on. The learning
        // cards come back: the countdown ticks once, Enter takes c1 now, q stops.
        let keys: [Key?] = [
            .enter, .character("3"), .character("x"), .character(right), .character("1"),
            .enter, nil, .enter, .character("q"),
        ]
        let io = KeyIO(ScriptedKeys(keys, lines: ["0.69"], clock: clock))
        let summary = try session.run(io)
        let out = io.output
        for line in [
            "本次复习 3 张卡片：0 张到期，3 张新卡片。按键：Enter 显示答案，1–4 评分，u 撤销，o 打开笔记，q 停止。",
            "── 1/3 · n · 新卡片 ──",
            "问：生成器的输入是什么？",
            "Enter 或空格显示答案 · t 先输入你的答案 · o 打开笔记 · u 撤销 · q 停止",
            "答：噪声 z",
            "1 重来 <1 分钟 · 2 困难 6 分钟 · 3 良好 10 分钟 · 4 简单 8 天",
            "良好。下次复习在 10 分钟后。",
            "a–c 或 1–3 选择 · o 打开笔记 · u 撤销 · q 停止",
            "✓ 答对了。（良好）",
            "Enter 继续 · 是猜对的？1 重来 <1 分钟 · o 打开笔记 · u 撤销 · q 停止 下次复习在 10 分钟后。",
            "已改为“重来”。下次复习在 60 秒后。",
            "✗ 不在允许的误差之内。答案：0.6931 ± 0.001。（重来）",
            "≈ 很接近：0.69 与答案相差不到 2%，但这张卡片要求误差在 ± 0.001 以内。",
            "⏳ 下一张学习中的卡片还有 ",
            "回答了 3 张（共 ",
        ] {
            #expect(out.contains(line), "\(line)")
        }
        for line in out.split(separator: "\n") {
            #expect(Self.englishWords(String(line)).isEmpty, "\(line)")
        }
        // The same grades as the keys give in English: Good, Again (the guess), Again.
        #expect(try store.log().map(\.grade) == [3, 1, 1])
        #expect(summary.grades == [.good: 1, .again: 2])
    }

    @Test func aLineSessionRecordsTheSameAnswersAsInEnglish() throws {
        let right = Self.rightOption(QuizSession(items: Self.deck, store: try ProgressStore(folder: temporaryFolder()), now: { 0 }, startOfToday: 0))
        let script = ["", "2", "9", String(right), "0.6931"]
        var outputs: [String] = [], logs: [[Int]] = []
        for language in [Language.en, Self.zh] {
            let store = try ProgressStore(folder: temporaryFolder())
            var session = QuizSession(items: Self.deck, store: store, now: { 5000 }, startOfToday: 0)
            session.language = language
            let io = ScriptedIO(script)
            _ = try session.run(io)
            outputs.append(io.output)
            logs.append(try store.log().map(\.grade))
        }
        #expect(logs[0] == [2, 3, 3] && logs[1] == logs[0])
        let (english, chinese) = (outputs[0], outputs[1])
        #expect(english.contains("How well did you recall it? 1 Again <1m · 2 Hard 6m · 3 Good 10m · 4 Easy 8d"))
        #expect(chinese.contains("回想得怎么样？1 重来 <1 分钟 · 2 困难 6 分钟 · 3 良好 10 分钟 · 4 简单 8 天"))
        #expect(chinese.contains("（按 Enter 显示答案）\n"))
        #expect(chinese.contains("请输入 1 到 3 之间的数字（或输入 q 停止）。\n"))
        #expect(chinese.contains("✓ 答对了：0.6931 ± 0.001。（良好）\n"))
        #expect(chinese.contains("  下次复习在 6 分钟后\n"))
        #expect(chinese.contains("回答了 3 张（共 3 张）：重来 0，困难 1，良好 2，简单 0。下次复习在 6 分钟后。已连续学习 1 天。"))
        for line in chinese.split(separator: "\n") {
            #expect(Self.englishWords(String(line)).isEmpty, "\(line)")
        }
        // The same lines, the same numbers: a line per prompt in both languages.
        #expect(english.split(separator: "\n").count == chinese.split(separator: "\n").count)
        // (All but the summary, which gives every grade's count in Chinese, zeros too.)
        #expect(
            TestDigits.of(english.split(separator: "\n").dropLast().joined(separator: "\n"))
                == TestDigits.of(chinese.split(separator: "\n").dropLast().joined(separator: "\n")))
    }

    @Test func cramAndTheEndOfTheDayAreChinese() throws {
        let store = try ProgressStore(folder: temporaryFolder())
        var session = QuizSession(items: Self.deck, store: store, now: { 5000 }, startOfToday: 0)
        session.language = Self.zh
        session.newPerDay = 0
        let io = ScriptedIO([])
        _ = try session.run(io)
        #expect(io.output == "现在没有到期的卡片，今天的新卡片也学完了。3 张新卡片留到明天（每天最多 0 张）；用 --new N 可以今天多学一些。\n")
        session.cram = true
        let right = Self.rightOption(session)
        let cram = ScriptedIO(["", "3", String(right % 3 + 1), "q"])
        _ = try session.run(cram)
        #expect(cram.output.hasPrefix("本次突击复习 3 张卡片：0 张到期，0 张未到期，3 张新卡片（突击复习不会改变复习计划）。输入 q 停止。\n"))
        #expect(cram.output.contains("── 1/3 · n · 新卡片 · 突击复习 ──"))
        #expect(cram.output.contains("回想得怎么样？1 重来 · 2 困难 · 3 良好 · 4 简单\n"))
        #expect(cram.output.contains("✗ 不太对。答案：\(right)) 判别器\n"))
        #expect(cram.output.contains("突击复习了 2 张（共 3 张）：答对 1 张，答错 1 张。提前结束了；已给出的每个回答都已保存。"))
    }

    @Test func intervalsInChinese() {
        let long: [Double] = [30, 600, 7200, 432_000], short: [Double] = [30, 600, 7200, 345_600, 3_888_000, 69_120_000]
        let described: [String] = long.map { QuizWords.of(Self.zh).interval($0) }
        let buttons: [String] = short.map { QuizWords.of(Self.zh).shortInterval($0) }
        #expect(described == ["30 秒后", "10 分钟后", "2 小时后", "5 天后"])
        #expect(buttons == ["<1 分钟", "10 分钟", "2 小时", "4 天", "1.5 个月", "2.2 年"])
        #expect(QuizWords.english.shortInterval(600) == "10m")
    }

    /// Every key of the quiz's catalogue has its Chinese, in other words than
    /// the English (a missing one would show English without a sound), and
    /// asks for no value the session does not give. The session's keys are
    /// exactly the catalogue's.
    @Test func everyMessageHasItsChineseWithTheSamePlaceholders() {
        let english = Dictionary(uniqueKeysWithValues: MessageCatalogue.parse(MessageCatalogue.englishQuiz).map { ($0.key, $0.text) })
        let chinese = Dictionary(uniqueKeysWithValues: MessageCatalogue.parse(MessageCatalogue.chineseQuiz).map { ($0.key, $0.text) })
        let keys = Set(english.keys.filter { !$0.hasSuffix("]") })
        #expect(Set(QuizMessage.allCases.map(\.rawValue)) == keys)
        #expect(Set(chinese.keys) == keys)
        // A translation may give every grade's count where English lists the grades given.
        let everyGrade: Set<String> = ["again", "hard", "good", "easy"]
        for key in keys.sorted() {
            let (en, zh) = (english[key]!, chinese[key] ?? "")
            let given = MessageCatalogue.placeholders(en).union(key == "summary.answered" ? everyGrade : [])
            #expect(MessageCatalogue.placeholders(zh).isSubset(of: given), "\(key): \(zh)")
            #expect(zh != en, "\(key)")
        }
        for (key, en) in english where key.hasSuffix("[one]") {
            let base = String(key.dropLast("[one]".count))
            #expect(MessageCatalogue.placeholders(en) == MessageCatalogue.placeholders(english[base] ?? ""), "\(key)")
        }
    }

    @Test func statsInChineseHaveTheSameNumbers() throws {
        let store = try ProgressStore(folder: temporaryFolder())
        let session = QuizSession(items: Self.deck, store: store, now: { 5000 }, startOfToday: 0)
        _ = try session.run(ScriptedIO(["", "4", String(Self.rightOption(session)), "0"]))
        let overview = try QuizStatistics.overview(items: Self.deck, store: store, now: 5000 + 3 * 86400, startOfToday: 3 * 86400)
        let english = overview.report(now: 5000 + 3 * 86400), chinese = overview.report(now: 5000 + 3 * 86400, language: Self.zh)
        let renderer = ReportRenderer(sheet: StyleSheet(color: false), width: 100)
        let (en, cn) = (renderer.render(english), renderer.render(chinese))
        for word in ["测验进度", "笔记", "首次答对 %", "下次到期", "合计", "真实保留率", "7 天保留率 %", "现在", "新卡片 0 张 · 已记录 3 次复习 · ganbook quiz"] {
            #expect(cn.contains(word), "\(word)")
        }
        #expect(TestDigits.of(en) == TestDigits.of(cn))
        let chart = overview.forecastChart(width: 80, sheet: StyleSheet(color: false), language: Self.zh)
        #expect(chart.hasPrefix("未来 30 天每天到期的复习（今天包括已逾期的）\n"))
        // 今天 is four columns wide: +7 stays under day 7.
        let marks = chart.split(separator: "\n").last!
        #expect(marks.hasPrefix("   今天          +7 "))
        for line in (cn + chart).split(separator: "\n") {
            #expect(Self.englishWords(String(line).replacingOccurrences(of: "ganbook quiz", with: "")).isEmpty, "\(line)")
        }
    }
}

enum TestDigits {
    /// The numbers written in `text`, sorted: a translation may move them, never change one.
    static func of(_ text: String) -> [String] {
        text.matches(of: /[0-9]+(\.[0-9]+)?/).map { String($0.output.0) }.sorted()
    }
}
