#ifndef MARSAD_CALLOCATOR_H
#define MARSAD_CALLOCATOR_H

/// CAllocator owns the one setting Marsad makes to the C allocator (glibc's malloc), which Swift
/// does not expose: how many heap arenas threads share.
///
/// glibc gives threads their own arenas, up to eight per core. Marsad's reading, recording and
/// digest threads each leave freed memory in their own arena, so the process holds several
/// arenas' worth of free memory at once. Limiting the arenas to one per core makes that memory
/// reused instead. Returns 1 when the setting was taken.
int marsad_limit_malloc_arenas(int count);

#endif
