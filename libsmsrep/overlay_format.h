/* SPDX-License-Identifier: Apache-2.0
 * overlay_format.h: what an operator's overlay is (db/overlay.sql), in one
 * place for the library that reads it and the command line that writes it:
 * its identity, its rule kinds and actions, and the columns writers name. */
#ifndef SMSREP_OVERLAY_FORMAT_H
#define SMSREP_OVERLAY_FORMAT_H

#define SMSREP__OVERLAY_APPLICATION_ID 0x534D534F /* "SMSO", set by db/overlay.sql */
#define SMSREP__OVERLAY_SCHEMA_VERSION 1u

/* rule.kind */
#define OVERLAY_KIND_NUMBER "number"
#define OVERLAY_KIND_SHORT_CODE "short_code"
#define OVERLAY_KIND_SENDER_ID "sender_id"
/* rule.action: the signals "allow" and "deny" of libsmsrep/signals.h */

/* Each table's columns in the order writers bind them. */
#define OVERLAY_RULE_COLUMNS "kind, region, prefix, min_len, max_len, action, note, added, source"
#define OVERLAY_SOURCE_COLUMNS "id, name, url, licence, retrieved, credit"
#define OVERLAY_REPORT_COLUMNS "number, source, reports, robocalls, first_seen, last_seen"
#define OVERLAY_IMPORT_COLUMNS "source, digest, file, imported, rows"

#endif
