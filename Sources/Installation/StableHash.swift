/// FNV-1a, 64 bits: a hash that is the same on every run and platform (Swift's
/// `Hasher` is seeded per process). Used for card ids, cache keys and seeds.
package enum StableHash {
    package static func value(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The hash as 16 lowercase hex digits.
    package static func hex(_ text: String) -> String {
        let digits = String(value(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// A hash of `bytes` for cache keys, eight bytes a step (FNV-1a's
    /// constants over little-endian words, each step folding the high bits
    /// down, then the tail byte by byte): fast enough to key every note on
    /// each `list`. Not the same value as `value(_:)` for the same text.
    package static func value(bytes: [UInt8]) -> UInt64 {
        let prime: UInt64 = 0x100_0000_01b3
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            var i = 0
            while i + 8 <= raw.count {
                hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* prime
                hash ^= hash >> 29
                i += 8
            }
            while i < raw.count {
                hash = (hash ^ UInt64(raw[i])) &* prime
                i += 1
            }
        }
        return hash
    }
}
