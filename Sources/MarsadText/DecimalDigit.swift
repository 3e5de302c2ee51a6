/// Decimal digits as the region writes them: Western (0–9), Arabic-Indic
/// (٠–٩) and Extended Arabic-Indic, the Persian and Urdu forms (۰–۹). One
/// place says which scalars are digits and what each is worth, so that the
/// readers' shapes, dates and times agree on them.
public enum DecimalDigit {
    /// The digit's value, 0 to 9, or nil for any other scalar.
    @inlinable @inline(__always)
    public static func value(_ scalar: UInt32) -> UInt32? {
        switch scalar {
        case 0x30...0x39: scalar - 0x30
        case 0x0660...0x0669: scalar - 0x0660
        case 0x06F0...0x06F9: scalar - 0x06F0
        default: nil
        }
    }

    @inlinable @inline(__always)
    public static func isDigit(_ scalar: UInt32) -> Bool { value(scalar) != nil }

    /// The text with every digit in its Western form, everything else untouched.
    public static func westernDigits(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x0660, let digit = value(scalar.value) {
                out.append(Unicode.Scalar(UInt8(0x30 + digit)))
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
