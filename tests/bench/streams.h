/* SPDX-License-Identifier: Apache-2.0
 * streams.h: the benchmark's two streams of senders, generated the same way
 * on every run: every sender different, and what a gateway sees. */
#ifndef SMSREP_BENCH_STREAMS_H
#define SMSREP_BENCH_STREAMS_H

#include <stddef.h>

typedef struct message {
    const char *sender;   /* not NUL-terminated for the library; never holds
                             a NUL, tab, CR or LF, so it fits a line */
    size_t len;
    char region[4];       /* the recipient's country */
} message;

typedef struct stream {
    const char *name;
    message *m;
    size_t n;
    size_t distinct;      /* different (sender, region) pairs */
    size_t top_share;     /* messages from the 24 busiest senders */
} stream;

/* The recipients' countries: a CLI run per country covers a stream. */
extern const char *const stream_regions[];
#define STREAM_REGIONS 4

/* n senders, no two the same: valid numbers of 28 countries in national,
 * international and full-width forms (60%), short codes (15%),
 * alphanumerics (20%) and garbage (5%). */
void stream_unique(stream *s, size_t n, unsigned long long seed);

/* n messages: three quarters from 24 busy senders (one-time-code short
 * codes, banks, carriers, Amazon's senders) by a Zipf law, a quarter from a
 * long tail of `tail` other senders, also by a Zipf law. */
void stream_gateway(stream *s, size_t n, size_t tail, unsigned long long seed);

void stream_free(stream *s);

#endif
