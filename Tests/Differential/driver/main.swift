// Normalizes standard input line by line with the given rules; compiled
// together with Sources/MarsadText by ../normalization-diff.sh when the
// marsad binary has no `normalize --rules` option.
// Usage: normalize-driver [--rules name,name,...]   (default: match-key)
import Foundation

var rules = NormalizationRule.matchKeyRules
let arguments = CommandLine.arguments
if let flag = arguments.firstIndex(of: "--rules"), flag + 1 < arguments.count {
    guard let parsed = NormalizationRule.parseList(arguments[flag + 1]) else {
        FileHandle.standardError.write(Data("unknown rule in \(arguments[flag + 1])\n".utf8))
        exit(2)
    }
    rules = parsed
}
let input = FileHandle.standardInput.readDataToEndOfFile()
var output = Data()
output.reserveCapacity(input.count + input.count / 4)
for line in input.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast(input.last == 0x0A ? 1 : 0) {
    output.append(contentsOf: TextNormalizer.normalize(String(decoding: line, as: UTF8.self), rules: rules).utf8)
    output.append(0x0A)
}
FileHandle.standardOutput.write(output)
