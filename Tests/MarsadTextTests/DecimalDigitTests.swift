import MarsadText
import Testing

struct DecimalDigitTests {
    /// Western, Arabic-Indic and Persian digits have the same values; the
    /// scalars around each range, and letters, are no digits.
    @Test func theThreeFormsOfEachDigitHaveOneValue() {
        for digit in UInt32(0)...9 {
            #expect(DecimalDigit.value(0x30 + digit) == digit)
            #expect(DecimalDigit.value(0x0660 + digit) == digit)
            #expect(DecimalDigit.value(0x06F0 + digit) == digit)
        }
        for other: UInt32 in [0x2F, 0x3A, 0x065F, 0x066A, 0x06EF, 0x06FA, 0x0627, 0x41] {
            #expect(DecimalDigit.value(other) == nil)
            #expect(!DecimalDigit.isDigit(other))
        }
    }

    @Test func westernDigitsRewritesOnlyDigits() {
        #expect(DecimalDigit.westernDigits("منذ ٣ ساعات و۱۵ دقيقة، 7 أيام") == "منذ 3 ساعات و15 دقيقة، 7 أيام")
        #expect(DecimalDigit.westernDigits("") == "")
    }
}
