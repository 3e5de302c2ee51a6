#include "CFuzzDriver.h"

// libFuzzer's driver, linked in by -sanitize=fuzzer: runs the fuzzing loop
// with the command line's options, calling `callback` with each input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

static int (*fuzzed_function)(const uint8_t *data, size_t size);

// libFuzzer's runtime refers to this name even when the loop is started
// through LLVMFuzzerRunDriver, so it forwards to the target's function.
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return fuzzed_function ? fuzzed_function(data, size) : 0;
}

int marsad_fuzz_run(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size)) {
    fuzzed_function = callback;
    return LLVMFuzzerRunDriver(&argc, &argv, callback);
}
