/* SPDX-License-Identifier: Apache-2.0
 * import.h: the importers of "smsrep db import": data sets in their
 * published formats, read into an overlay. */
#ifndef SMSREP_IMPORT_H
#define SMSREP_IMPORT_H

#include "csv.h"
#include "overlay_file.h"

typedef struct import_stats {
    long rows;            /* data rows read */
    long used;            /* rows that became overlay rows */
    long skipped;         /* rows left out, for the reasons below */
    long not_a_number;    /* ftc-dnc: not a NANP number the library accepts */
    long bad_date;        /* ftc-dnc: Created_Date is not a date */
} import_stats;

/* Called with the rows read so far every IMPORT_PROGRESS_ROWS rows;
 * NULL (the default) for none. The command line sets one when standard
 * error is a terminal. */
#define IMPORT_PROGRESS_ROWS 10000
void import_set_progress(void (*fn)(long rows));

/* The FTC's Do Not Call reported-calls CSV (Company_Phone_Number,
 * Created_Date, Violation_Date, Consumer_City, Consumer_State,
 * Consumer_Area_Code, Subject, Recorded_Message_Or_Robocall): one complaint
 * report per row, aggregated per number under source "ftc-dnc". Rows that
 * are not usable are counted, not fatal; a malformed CSV is. */
int import_ftc_dnc(overlay_file *o, smsrep_db *ref, csv_reader *r, import_stats *st, char *why,
                   size_t cap);

/* An operator's list: header "action,sender,region,length,note"; action is
 * allow or deny; with length ("11" or "10-12") sender is an E.164 prefix.
 * Any bad row is fatal, named by file and line. */
int import_list(overlay_file *o, smsrep_db *ref, csv_reader *r, const char *source,
                import_stats *st, char *why, size_t cap);

#endif
