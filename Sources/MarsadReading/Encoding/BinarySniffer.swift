/// Recognises files that are not text at all by their leading signature,
/// so the failure can name what the user dropped.
enum BinarySniffer {
    private static let signatures: [(prefix: [UInt8], name: String)] = [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        (Array("GIF87a".utf8), "a GIF image"),
        (Array("GIF89a".utf8), "a GIF image"),
        (Array("%PDF-".utf8), "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or a Word/EPUB file, which are ZIP inside); unpack it and drop the articles inside"),
        ([0x50, 0x4B, 0x05, 0x06], "an empty ZIP archive"),
        ([0x1F, 0x8B], "a gzip-compressed file; decompress it first"),
        (Array("BZh".utf8), "a bzip2-compressed file; decompress it first"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz-compressed file; decompress it first"),
        ([0x28, 0xB5, 0x2F, 0xFD], "a zstd-compressed file; decompress it first"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        (Array("Rar!".utf8), "a RAR archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable or library"),
        ([0x4D, 0x5A], "a Windows executable"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Microsoft Office document (.doc/.xls)"),
        (Array("SQLite format 3".utf8) + [0], "an SQLite database"),
        (Array("OggS".utf8), "an Ogg audio or video file"),
        (Array("ID3".utf8), "an MP3 audio file"),
        ([0x00, 0x61, 0x73, 0x6D], "a WebAssembly module"),
        (Array("wOFF".utf8), "a web font"),
        (Array("wOF2".utf8), "a web font"),
    ]

    /// What kind of binary file the bytes start like, or nil when they may be text.
    static func identify(_ bytes: [UInt8]) -> String? {
        for (prefix, name) in signatures where bytes.starts(with: prefix) {
            // "MZ" and "BZh" are also plausible starts of text; demand more evidence.
            if prefix.count <= 3, !hasControlBytes(bytes) { continue }
            return name
        }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)) {
            let kind = String(decoding: bytes[8..<12], as: UTF8.self)
            switch kind {
            case "WEBP": return "a WebP image"
            case "WAVE": return "a WAV audio file"
            case "AVI ": return "an AVI video"
            default: return "a RIFF media file"
            }
        }
        if bytes.count >= 12, bytes[4..<8].elementsEqual("ftyp".utf8) {
            return "an MP4/QuickTime media file"
        }
        return nil
    }

    private static func hasControlBytes(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(512).contains { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }
    }
}
