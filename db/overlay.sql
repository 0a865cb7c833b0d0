-- SPDX-License-Identifier: Apache-2.0
-- overlay.sql: an operator's own database, whose rows beat the bundled data.
-- "smsrep overlay FILE add|remove" and "smsrep db import" write it (by
-- copying, changing and renaming the file, so a crash loses nothing already
-- committed); the library only reads it. Keys are in the forms the library
-- computes: E.164 digits, national short-code digits, canonical sender IDs.

PRAGMA application_id = 1397576527;  -- 0x534D534F, "SMSO"
PRAGMA user_version = 1;             -- the overlay schema version
PRAGMA page_size = 4096;

CREATE TABLE meta (
  key    TEXT PRIMARY KEY,           -- overlay_version: UTC time of the last change
  value  TEXT NOT NULL
) WITHOUT ROWID;

-- Where rows came from: 'operator' for rules added by hand, one row per
-- imported data set. url, licence and credit may be empty for the operator.
CREATE TABLE source (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  url       TEXT NOT NULL,
  licence   TEXT NOT NULL,
  retrieved TEXT NOT NULL,           -- YYYY-MM-DD
  credit    TEXT NOT NULL
) WITHOUT ROWID;

-- Allow and deny rules. A number rule is a range: prefix plus the lengths
-- (min_len = max_len = length(prefix) for one number); the longest prefix
-- wins. Short codes and sender IDs match exactly.
CREATE TABLE rule (
  kind    TEXT NOT NULL,             -- number | short_code | sender_id
  region  TEXT NOT NULL,             -- '' for numbers; the region of a short code;
                                     -- the recipients' region or '*' for a sender ID
  prefix  TEXT NOT NULL,             -- E.164 digits, short-code digits or canonical ID
  min_len INTEGER NOT NULL,          -- numbers only, else 0
  max_len INTEGER NOT NULL,
  action  TEXT NOT NULL,             -- allow | deny
  note    TEXT NOT NULL,
  added   TEXT NOT NULL,             -- YYYY-MM-DD
  source  TEXT NOT NULL REFERENCES source(id),
  PRIMARY KEY (kind, region, prefix, min_len)
) WITHOUT ROWID;

-- Complaints about a number, aggregated per number and data set. Many
-- reported numbers are spoofed victims: reports never make a number spoofed.
CREATE TABLE report (
  number     TEXT NOT NULL,          -- E.164 digits
  source     TEXT NOT NULL REFERENCES source(id),
  reports    INTEGER NOT NULL,
  robocalls  INTEGER NOT NULL,       -- reports marked as robocalls
  first_seen TEXT NOT NULL,          -- YYYY-MM-DD
  last_seen  TEXT NOT NULL,
  PRIMARY KEY (number, source)
) WITHOUT ROWID;

-- Files already imported, so that the same file is never counted twice.
CREATE TABLE import (
  source   TEXT NOT NULL,
  digest   TEXT NOT NULL,            -- FNV-1a 64 of the file's bytes, hex
  file     TEXT NOT NULL,
  imported TEXT NOT NULL,            -- UTC time
  rows     INTEGER NOT NULL,
  PRIMARY KEY (source, digest)
) WITHOUT ROWID;
