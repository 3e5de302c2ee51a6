#ifndef MARSAD_CSHA256_H
#define MARSAD_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// CSHA256 owns the one part of SHA-256 that Swift cannot reach: the x86 SHA extensions, which
/// compress a block in a few instructions. MarsadCore's `SHA256` does the rest of the hash
/// (padding, partial blocks, the hex digest) and compresses blocks itself where they are missing.
///
/// Whether this processor has the SHA extensions, and the SSSE3 and SSE4.1 they are used with:
/// 1 if so, 0 otherwise (and on processors other than x86).
int marsad_sha256_has_extensions(void);

/// Compresses `blocks` 64-byte blocks from `data` into `state` (the words a to h) with the SHA
/// extensions. Call it only where `marsad_sha256_has_extensions()` says 1.
void marsad_sha256_compress_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
