/* SPDX-License-Identifier: Apache-2.0
 * consumer.c: a program built against an installed libsmsrep, the way a
 * gateway would: it checks the story's number and prints the verdict. */
#include <smsrep.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    smsrep_db *db = NULL;
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    char err[SMSREP_ERRBUF_SIZE];

    if (smsrep_version_number() != SMSREP_VERSION_NUMBER) {
        fprintf(stderr, "header %s, library %s\n", SMSREP_VERSION_STRING, smsrep_version_string());
        return 1;
    }
    if (smsrep_open(&db, NULL, NULL, err, sizeof err) != SMSREP_OK) {
        fprintf(stderr, "open: %s\n", err);
        return 1;
    }
    q.sender = "05053704545";
    q.sender_len = strlen(q.sender);
    memcpy(q.region, "JP", 3);
    if (smsrep_check(db, &q, &v) != SMSREP_OK)
        return 1;
    printf("%s %s %s\n", v.normalized, smsrep_class_name(v.class_), v.brand);
    smsrep_close(db);
    return strcmp(smsrep_class_name(v.class_), "trusted") != 0;
}
