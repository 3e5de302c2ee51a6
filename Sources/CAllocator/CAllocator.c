#include "CAllocator.h"

#include <malloc.h>

int marsad_limit_malloc_arenas(int count) {
    return mallopt(M_ARENA_MAX, count);
}
