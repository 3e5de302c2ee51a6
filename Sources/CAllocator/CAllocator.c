#include "CAllocator.h"

#include <malloc.h>

int marsad_limit_malloc_arenas(int count) {
#ifdef M_ARENA_MAX
    return mallopt(M_ARENA_MAX, count);
#else
    // Not glibc (musl has one heap and no arenas): nothing to limit.
    (void)count;
    return 1;
#endif
}
