import Foundation

/// The two forms the byte engine can produce.
enum NormalForm: Sendable {
    case display
    case matchKey
}

/// A per-scalar action table for one form, indexed by scalar value for the
/// whole BMP so that the loop does one load per scalar.
///
/// An entry packs what to do into 32 bits:
/// - bits 0–2: the kind (see the `Kind` constants);
/// - bits 3–4: how many output bytes an inline entry writes (0 drops the scalar);
/// - bit 5: for Arabic marks, the mark is a hamza or madda that composes with a
///   preceding ا و ي ے; for long entries, the replacement holds combining marks;
/// - bits 8–31: up to three output bytes (inline), or an index into `long`;
///   Arabic mark entries keep their canonical combining class in bits 24–31.
struct NormalizationTable: Sendable {
    enum Kind {
        static let emit: UInt32 = 0
        static let horizontalSpace: UInt32 = 1
        static let lineBreak: UInt32 = 2
        static let carriageReturn: UInt32 = 3
        static let long: UInt32 = 4
        /// Emit inline; the text may change under NFC, so the caller takes the slow path.
        static let emitNeedsNFC: UInt32 = 5
        /// An Arabic combining mark, checked for canonical order and composition.
        static let arabicMark: UInt32 = 6
        /// A letter that composes with a following hamza or madda mark.
        static let composingBase: UInt32 = 7
    }

    static let composingMarkBit: UInt32 = 1 << 5

    let form: NormalForm
    let entries: [UInt32]
    let long: [[UInt8]]

    static let display = NormalizationTable(form: .display)
    static let matchKey = NormalizationTable(form: .matchKey)

    init(form: NormalForm) {
        self.form = form
        var entries = [UInt32](repeating: 0, count: 0x10000)
        var long: [[UInt8]] = []
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            // Large blocks with no rule and no composition: copy through.
            if (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
                || (0xAC00...0xD7A3).contains(value)
            {
                entries[Int(value)] = Self.inline(Array(String(scalar).utf8), kind: Kind.emit)
                continue
            }
            entries[Int(value)] = Self.entry(for: scalar, form: form, long: &long)
        }
        self.entries = entries
        self.long = long
    }

    /// The entry for any scalar; scalars beyond the BMP are classified on the fly.
    static func entry(for scalar: Unicode.Scalar, form: NormalForm, long: inout [[UInt8]]) -> UInt32 {
        let value = scalar.value
        var output: [Unicode.Scalar]
        if let (_, mapping) = ScalarRules.displayRule(for: scalar) {
            switch mapping {
            case .horizontalSpace: return Kind.horizontalSpace
            case .lineBreak: return Kind.lineBreak
            case .carriageReturn: return Kind.carriageReturn
            case .replace(let replacement): output = replacement
            }
        } else {
            output = [scalar]
        }
        switch form {
        case .display:
            let isIdentity = output == [scalar]
            if isIdentity {
                let combiningClass = scalar.properties.canonicalCombiningClass.rawValue
                if (0x0600...0x06FF).contains(value), combiningClass != 0 {
                    let bytes = Array(String(scalar).utf8)
                    let composing: UInt32 = (0x0653...0x0655).contains(value) ? composingMarkBit : 0
                    return Kind.arabicMark | 2 << 3 | composing | UInt32(bytes[0]) << 8 | UInt32(bytes[1]) << 16
                        | UInt32(combiningClass) << 24
                }
                if ScalarRules.composesWithHamzaMark(value) {
                    return inline(Array(String(scalar).utf8), kind: Kind.composingBase)
                }
            }
            let hasMarks = output.contains { $0.properties.canonicalCombiningClass.rawValue != 0 }
            let needsNFC = hasMarks || output.contains(where: ScalarRules.mayChangeUnderNFC)
            // A presentation form of ا or و may be followed by a hamza mark.
            if !needsNFC, let last = output.last, ScalarRules.composesWithHamzaMark(last.value) {
                let bytes = output.flatMap { Array(String($0).utf8) }
                if bytes.count <= 3 { return inline(bytes, kind: Kind.composingBase) }
                return pack(output, needsNFC: true, long: &long)
            }
            return pack(output, needsNFC: needsNFC, long: &long)
        case .matchKey:
            let needsNFC = ScalarRules.mayChangeUnderNFC(scalar) && !ScalarRules.isArabicDiacritic(value)
            var keyed: [Unicode.Scalar] = []
            for part in output {
                if let (_, replacement) = ScalarRules.keyRule(for: part) {
                    keyed.append(contentsOf: replacement)
                } else {
                    keyed.append(part)
                }
            }
            return pack(keyed, needsNFC: needsNFC, long: &long)
        }
    }

    private static func pack(_ scalars: [Unicode.Scalar], needsNFC: Bool, long: inout [[UInt8]]) -> UInt32 {
        var bytes: [UInt8] = []
        for scalar in scalars { bytes.append(contentsOf: String(scalar).utf8) }
        if bytes.count <= 3 {
            return inline(bytes, kind: needsNFC ? Kind.emitNeedsNFC : Kind.emit)
        }
        long.append(bytes)
        return Kind.long | (needsNFC ? composingMarkBit : 0) | UInt32(long.count - 1) << 8
    }

    private static func inline(_ bytes: [UInt8], kind: UInt32) -> UInt32 {
        var entry = kind | UInt32(bytes.count) << 3
        for (offset, byte) in bytes.enumerated() { entry |= UInt32(byte) << (8 + 8 * UInt32(offset)) }
        return entry
    }
}

/// The single pass that turns UTF-8 input into one of the two forms.
enum NormalizationEngine {
    struct Result {
        var text: String
        /// The output may differ from its NFC; the caller must take the slow path.
        var needsNFC: Bool
    }

    /// Text already in the form comes back as the same string: a line or paragraph read
    /// again is mostly in display form, and a new string would be allocated and its
    /// UTF-8 validated for nothing.
    static func run(_ original: String, table: NormalizationTable) -> Result {
        if let result = original.utf8.withContiguousStorageIfAvailable({ run($0, table: table, original: original) }) {
            return result
        }
        var text = original
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { run($0, table: table, original: original) }!
    }

    static func run(_ source: UnsafeBufferPointer<UInt8>, table: NormalizationTable, original: String? = nil) -> Result {
        withOutput(source, table: table) { output, needsNFC in
            if let original, output.count == source.count,
               output.count == 0 || memcmp(output.baseAddress!, source.baseAddress!, output.count) == 0 {
                return Result(text: original, needsNFC: needsNFC)
            }
            return Result(text: String(decoding: output, as: UTF8.self), needsNFC: needsNFC)
        }
    }

    /// Calls `body` with the UTF-8 of the form of `text`, and whether it may differ from its
    /// NFC, without making a string of it: for a caller that only reads the form once.
    static func withOutput<R>(_ text: String, table: NormalizationTable, _ body: (UnsafeBufferPointer<UInt8>, _ needsNFC: Bool) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable({ withOutput($0, table: table, body) }) {
            return result
        }
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { withOutput($0, table: table, body) }!
    }

    static func withOutput<R>(
        _ source: UnsafeBufferPointer<UInt8>, table: NormalizationTable, _ body: (UnsafeBufferPointer<UInt8>, _ needsNFC: Bool) -> R
    ) -> R {
        switch table.form {
        case .display: return loop(source, table: table, tracksMarks: true, finish: body)
        case .matchKey: return loop(source, table: table, tracksMarks: false, finish: body)
        }
    }

    /// Spacing state: content flushes a pending space unless at a line start.
    private static let inLine: UInt8 = 0
    private static let spacePending: UInt8 = 1
    private static let lineStart: UInt8 = 2

    /// Output bytes, grown only for replacements longer than the inline bound.
    private struct OutputBuffer {
        var base: UnsafeMutableRawPointer
        var capacity: Int
        var count = 0

        init(capacity: Int) {
            self.capacity = capacity
            base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        }

        @inline(__always)
        mutating func reserve(_ extra: Int) {
            guard count + extra + 8 > capacity else { return }
            let newCapacity = max(capacity * 2, count + extra + 8)
            let newBase = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 8)
            newBase.copyMemory(from: base, byteCount: count)
            base.deallocate()
            base = newBase
            capacity = newCapacity
        }

        @inline(__always)
        mutating func append(byte: UInt8) {
            base.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
            count &+= 1
        }

        /// Writes four bytes, of which the first `length` count; the slack covers the rest.
        @inline(__always)
        mutating func append(packed: UInt32, length: Int) {
            base.storeBytes(of: packed, toByteOffset: count, as: UInt32.self)
            count &+= length
        }

        /// Writes an Arabic mark (its two bytes in `packed`) before the Arabic marks of a
        /// higher combining class that end the output: the stable sort by class that
        /// canonical ordering does, for the marks written so far. Other marks, and any
        /// starter, stay before it.
        mutating func insert(arabicMark packed: UInt32, combiningClass: UInt32, entries: UnsafeBufferPointer<UInt32>) {
            var position = count
            while position >= 2 {
                let lead = base.load(fromByteOffset: position - 2, as: UInt8.self)
                let trail = base.load(fromByteOffset: position - 1, as: UInt8.self)
                guard lead & 0xE0 == 0xC0, trail & 0xC0 == 0x80 else { break }
                let previous = entries[Int((UInt32(lead & 0x1F) << 6) | UInt32(trail & 0x3F))]
                guard previous & 7 == NormalizationTable.Kind.arabicMark, previous >> 24 > combiningClass else { break }
                position -= 2
            }
            memmove(base + position + 2, base + position, count - position)
            base.storeBytes(of: UInt8(truncatingIfNeeded: packed), toByteOffset: position, as: UInt8.self)
            base.storeBytes(of: UInt8(truncatingIfNeeded: packed >> 8), toByteOffset: position + 1, as: UInt8.self)
            count &+= 2
        }

        /// Appends a long replacement, keeping room for the rest of the input
        /// at the inline bound.
        @inline(__always)
        mutating func append(_ bytes: [UInt8], remainingInput: Int) {
            reserve(bytes.count + 1 + remainingInput + remainingInput / 2)
            bytes.withUnsafeBytes { (base + count).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            count &+= bytes.count
        }
    }

    @inline(__always)
    private static func loop<R>(
        _ source: UnsafeBufferPointer<UInt8>, table: NormalizationTable, tracksMarks: Bool,
        finish: (UnsafeBufferPointer<UInt8>, _ needsNFC: Bool) -> R
    ) -> R {
        let count = source.count
        guard count > 0, let bytes = source.baseAddress else {
            return finish(UnsafeBufferPointer(start: nil, count: 0), false)
        }
        // Inline entries write at most 3 bytes for a scalar of 2 or more bytes and
        // 1 for an ASCII byte, plus a flushed space paid for by an earlier input
        // byte; the 4-byte store needs slack. Long replacements reserve their room.
        // All loop state lives inside the closure, where it stays in registers.
        return table.entries.withUnsafeBufferPointer { entries -> R in
            var output = OutputBuffer(capacity: count + count / 2 + 8)
            defer { output.base.deallocate() }
            var state = lineStart
            var needsNFC = false
            // Mark tracking for the display form.
            var lastCombiningClass: UInt32 = 0
            var afterComposingBase = false
            var index = 0
            while index < count {
                let lead = bytes[index]
                // The common case: a run of 2-byte scalars (all of Arabic) inside
                // a line whose entries write their bytes inline.
                if lead &- 0xC2 < 0x1E, state == inLine {
                    let entry = entries[Int((UInt32(lead & 0x1F) << 6) | UInt32(bytes[index &+ 1] & 0x3F))]
                    if entry & 7 == NormalizationTable.Kind.emit {
                        output.append(packed: entry >> 8, length: Int((entry >> 3) & 3))
                        index &+= 2
                        // A dropped scalar (tatweel) leaves the marks around it adjacent.
                        if tracksMarks, entry & (3 << 3) != 0 {
                            lastCombiningClass = 0
                            afterComposingBase = false
                        }
                        continue
                    }
                }
                var entry: UInt32
                if lead < 0x80 {
                    entry = entries[Int(lead)]
                    index &+= 1
                } else if lead < 0xE0 {
                    let value = (UInt32(lead & 0x1F) << 6) | UInt32(bytes[index &+ 1] & 0x3F)
                    entry = entries[Int(value)]
                    index &+= 2
                } else if lead < 0xF0 {
                    let value =
                        (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index &+ 1] & 0x3F) << 6)
                        | UInt32(bytes[index &+ 2] & 0x3F)
                    entry = entries[Int(value)]
                    index &+= 3
                } else {
                    let value =
                        (UInt32(lead & 0x07) << 18) | (UInt32(bytes[index &+ 1] & 0x3F) << 12)
                        | (UInt32(bytes[index &+ 2] & 0x3F) << 6) | UInt32(bytes[index &+ 3] & 0x3F)
                    index &+= 4
                    // Beyond the BMP (emoji, rare scripts): classify on the fly.
                    var extraLong: [[UInt8]] = []
                    entry = NormalizationTable.entry(for: Unicode.Scalar(value)!, form: table.form, long: &extraLong)
                    let remaining = count - index
                    output.reserve(5 + remaining + remaining / 2)
                    if entry & 7 == NormalizationTable.Kind.long {
                        if entry & NormalizationTable.composingMarkBit != 0 { needsNFC = true }
                        if state == spacePending { output.append(byte: 0x20) }
                        state = inLine
                        output.append(extraLong[Int(entry >> 8)], remainingInput: remaining)
                        lastCombiningClass = 0
                        afterComposingBase = false
                        continue
                    }
                }

                let kind = entry & 7
                let length = Int((entry >> 3) & 3)
                if kind == NormalizationTable.Kind.emit || kind == NormalizationTable.Kind.composingBase {
                    if length == 0 { continue }
                    if state != inLine {
                        if state == spacePending { output.append(byte: 0x20) }
                        state = inLine
                    }
                    output.append(packed: entry >> 8, length: length)
                    if tracksMarks {
                        lastCombiningClass = 0
                        afterComposingBase = kind == NormalizationTable.Kind.composingBase
                    }
                    continue
                }
                switch kind {
                case NormalizationTable.Kind.horizontalSpace:
                    if state == inLine { state = spacePending }
                case NormalizationTable.Kind.lineBreak, NormalizationTable.Kind.carriageReturn:
                    if kind == NormalizationTable.Kind.carriageReturn, index < count, bytes[index] == 0x0A {
                        index &+= 1
                    }
                    output.append(byte: 0x0A)
                    state = lineStart
                    lastCombiningClass = 0
                    afterComposingBase = false
                case NormalizationTable.Kind.arabicMark:
                    if state == spacePending { output.append(byte: 0x20) }
                    state = inLine
                    let combiningClass = entry >> 24
                    if combiningClass < lastCombiningClass {
                        // Out of canonical order (a vowel typed after its shadda): put where
                        // canonical ordering puts it, rather than composing the whole text.
                        output.insert(arabicMark: entry >> 8, combiningClass: combiningClass, entries: entries)
                    } else {
                        output.append(packed: entry >> 8, length: 2)
                        lastCombiningClass = combiningClass
                    }
                    if afterComposingBase, entry & NormalizationTable.composingMarkBit != 0 { needsNFC = true }
                case NormalizationTable.Kind.emitNeedsNFC:
                    needsNFC = true
                    if length == 0 { continue }
                    if state == spacePending { output.append(byte: 0x20) }
                    state = inLine
                    output.append(packed: entry >> 8, length: length)
                    lastCombiningClass = 0
                    afterComposingBase = false
                default:  // long
                    if entry & NormalizationTable.composingMarkBit != 0 { needsNFC = true }
                    if state == spacePending { output.append(byte: 0x20) }
                    state = inLine
                    output.append(table.long[Int(entry >> 8)], remainingInput: count - index)
                    lastCombiningClass = 0
                    afterComposingBase = false
                }
            }
            return finish(UnsafeRawBufferPointer(start: output.base, count: output.count).bindMemory(to: UInt8.self), needsNFC)
        }
    }
}
