#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's loop with the command line's options, calling
/// `callback` with each input; returns libFuzzer's exit status.
int marsad_fuzz_run(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size));
