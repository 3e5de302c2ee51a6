import CFuzzDriver
import Foundation

// What every fuzz target shares: handing one Swift function to libFuzzer's
// loop. A C function pointer cannot carry a closure's context, so the
// function waits in a global, set once before the loop starts on this thread.
nonisolated(unsafe) private var fuzzedFunction: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }

/// Runs libFuzzer's loop over `body` with the command line's options, and
/// exits with libFuzzer's status.
public func fuzz(bytes body: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Never {
    fuzzedFunction = body
    exit(marsad_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
        fuzzedFunction(UnsafeBufferPointer(start: data, count: size))
        return 0
    })
}

/// Runs libFuzzer's loop over `body`, each input decoded as UTF-8 with
/// invalid sequences replaced, as the readers receive text.
public func fuzz(text body: @escaping (String) -> Void) -> Never {
    fuzz(bytes: { body(String(decoding: $0, as: UTF8.self)) })
}
