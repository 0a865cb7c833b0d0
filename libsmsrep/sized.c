/* SPDX-License-Identifier: Apache-2.0
 * sized.c: copies structs in and out of the API by the caller's struct_size
 * (the conventions in smsrep.h), so that a caller built against an older or
 * a newer header gets exactly the bytes its struct has. */
#include "sized.h"

#include "smsrep.h"

#include <string.h>

uint32_t smsrep__sized_size(const void *s)
{
    uint32_t size;
    memcpy(&size, s, sizeof size);
    return size;
}

int smsrep__sized_check(const void *theirs, uint32_t first)
{
    return smsrep__sized_size(theirs) < first ? SMSREP_E_STRUCT_SIZE : SMSREP_OK;
}

int smsrep__sized_in(void *mine, size_t mine_size, const void *theirs, uint32_t first)
{
    uint32_t size = smsrep__sized_size(theirs);
    if (size < first)
        return SMSREP_E_STRUCT_SIZE;
    memset(mine, 0, mine_size);
    memcpy(mine, theirs, size < mine_size ? size : mine_size);
    return SMSREP_OK;
}

void smsrep__sized_out(void *theirs, const void *mine, size_t mine_size)
{
    uint32_t size = smsrep__sized_size(theirs);
    memcpy((unsigned char *)theirs + sizeof size, (const unsigned char *)mine + sizeof size,
           (size < mine_size ? size : mine_size) - sizeof size);
}
