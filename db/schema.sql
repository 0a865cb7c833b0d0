-- SPDX-License-Identifier: Apache-2.0
-- schema.sql: the bundled reputation database. The builder (db/build.c) runs
-- this, then loads the CSV files beside it; the library reads it read-only.
--
-- Conventions: numbers are E.164 digits without '+'; a range is
-- (prefix, min_len, max_len) where the lengths count every E.164 digit,
-- country code included; short codes are national digits keyed by region.
-- Enumerated columns hold the same lowercase names the API prints; the
-- signals each table may carry are listed once, in libsmsrep/signals.h, and
-- explained in db/README.md. Each table's columns are also the spec in
-- libsmsrep/tables.h, which the builder checks this file against. Every row
-- names a source. The longest matching prefix wins, an exact number beats
-- its range, and an operator's overlay beats this whole database.

PRAGMA application_id = 1397576530;  -- 0x534D5352, "SMSR"
PRAGMA user_version = 5;             -- the schema version; bump on any change
PRAGMA page_size = 4096;

CREATE TABLE meta (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE source (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  url       TEXT NOT NULL,
  licence   TEXT NOT NULL,
  retrieved TEXT NOT NULL,           -- YYYY-MM-DD
  credit    TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE brand (
  id      TEXT PRIMARY KEY,          -- 'amazon'
  name    TEXT NOT NULL,             -- 'Amazon'
  aliases TEXT NOT NULL,             -- '|'-separated other names
  domains TEXT NOT NULL,             -- '|'-separated official domains
  sector  TEXT NOT NULL,             -- bank | card | payments | retail | tech | carrier
                                     -- | post | logistics | government
  source  TEXT NOT NULL REFERENCES source(id)
) WITHOUT ROWID;

-- Every name of every brand in canonical and confusable-skeleton form, made
-- by the builder from brand.name and brand.aliases.
-- Key columns come first: SQLite 3.40's quick_check misreads NOT NULL
-- columns that sit between the key columns of a WITHOUT ROWID table.
CREATE TABLE brand_name (
  canonical TEXT NOT NULL,
  brand     TEXT NOT NULL REFERENCES brand(id),
  skeleton  TEXT NOT NULL,
  PRIMARY KEY (canonical, brand)
) WITHOUT ROWID;
CREATE INDEX brand_name_skeleton ON brand_name(skeleton);

-- Numbering-plan facts about ranges of E.164 numbers.
CREATE TABLE number_range (
  prefix      TEXT NOT NULL,
  min_len     INTEGER NOT NULL,
  max_len     INTEGER NOT NULL,
  region      TEXT NOT NULL,         -- 'JP', '001' for non-geographic
  number_type TEXT NOT NULL,         -- '' keeps libphonenumber's type
  signal      TEXT NOT NULL,         -- a number_range signal (signals.h)
  reply_cost  TEXT NOT NULL,         -- unknown | free | standard | premium
  source      TEXT NOT NULL REFERENCES source(id),
  note        TEXT NOT NULL,
  PRIMARY KEY (prefix, min_len)
) WITHOUT ROWID;

-- Exact numbers documented as a brand's sender for recipients in a country.
CREATE TABLE known_number (
  number      TEXT NOT NULL,
  dest_region TEXT NOT NULL,         -- the recipients' country, '*' for any
  brand       TEXT NOT NULL REFERENCES brand(id),
  relation    TEXT NOT NULL,         -- sender_of
  purpose     TEXT NOT NULL,         -- otp | notifications | marketing
  confidence  TEXT NOT NULL,         -- high | medium | low
  source      TEXT NOT NULL REFERENCES source(id),
  note        TEXT NOT NULL,
  PRIMARY KEY (number, dest_region)
) WITHOUT ROWID;

-- Short codes, exact (min_len = max_len = length(prefix)) or by shape.
CREATE TABLE short_code (
  region     TEXT NOT NULL,
  prefix     TEXT NOT NULL,
  min_len    INTEGER NOT NULL,
  max_len    INTEGER NOT NULL,
  signal     TEXT NOT NULL,          -- a short_code signal (signals.h)
  brand      TEXT NOT NULL,          -- '' or a brand id
  reply_cost TEXT NOT NULL,
  confidence TEXT NOT NULL,
  source     TEXT NOT NULL REFERENCES source(id),
  note       TEXT NOT NULL,
  PRIMARY KEY (region, prefix, min_len)
) WITHOUT ROWID;

-- Alphanumeric sender IDs, keyed by the canonical form the library computes.
CREATE TABLE sender_id (
  region     TEXT NOT NULL,          -- the recipients' country, '*' for any
  canonical  TEXT NOT NULL,
  skeleton   TEXT NOT NULL,
  brand      TEXT NOT NULL,          -- '' or a brand id
  signal     TEXT NOT NULL,          -- a sender_id signal (signals.h)
  confidence TEXT NOT NULL,
  source     TEXT NOT NULL REFERENCES source(id),
  note       TEXT NOT NULL,
  PRIMARY KEY (region, canonical)
) WITHOUT ROWID;
CREATE INDEX sender_id_skeleton ON sender_id(skeleton);

-- What the networks of a recipient's country do with alphanumeric sender
-- IDs, from the regulator's or the operators' published rules.
CREATE TABLE alnum_rule (
  region TEXT PRIMARY KEY,           -- the recipients' country
  rule   TEXT NOT NULL,              -- an alnum_rule signal (signals.h)
  source TEXT NOT NULL REFERENCES source(id),
  note   TEXT NOT NULL
) WITHOUT ROWID;

-- Country calling codes known to be unassigned: a prefix of 1 to 3 digits
-- covers every code that starts with it.
CREATE TABLE calling_code (
  prefix TEXT PRIMARY KEY,
  status TEXT NOT NULL,              -- unassigned
  source TEXT NOT NULL REFERENCES source(id),
  note   TEXT NOT NULL
) WITHOUT ROWID;

-- Words that qualify the look-alike matching of sender IDs, in the same
-- forms as brand_name: country and purpose words that make a brand's name
-- joined to them a look-alike ("JPAMAZON", "DHLINFO", "AMAZN-JP"), and
-- ordinary words one edit from a brand's name that are never taken for its
-- near miss ("PAYDAY" is not PayPay). Since schema 4.
CREATE TABLE lookalike_word (
  canonical TEXT PRIMARY KEY,
  skeleton  TEXT NOT NULL,
  role      TEXT NOT NULL,           -- country | purpose | ordinary
  source    TEXT NOT NULL REFERENCES source(id),
  note      TEXT NOT NULL
) WITHOUT ROWID;

-- A brand's own statement (or a regulator's about it) that its SMS senders
-- for recipients in a country are complete: every SMS it sends there comes
-- from its documented senders, of every kind (scope 'all') or of one kind.
-- Since schema 4.
CREATE TABLE declaration (
  brand  TEXT NOT NULL REFERENCES brand(id),
  region TEXT NOT NULL,              -- the recipients' country
  scope  TEXT NOT NULL,              -- all | number | short_code | sender_id | carrier_relay
  source TEXT NOT NULL REFERENCES source(id),
  note   TEXT NOT NULL,
  PRIMARY KEY (brand, region, scope)
) WITHOUT ROWID;

-- What message texts are read for, matched as substrings (ASCII letters
-- case-insensitively): smishing lures by category, one-time-code words,
-- messaging services' automatic notices, and link shorteners (lower-case
-- host names). Since schema 4.
CREATE TABLE phrase (
  kind     TEXT NOT NULL,            -- lure | code_word | service_notice | shortener | messaging_app
  category TEXT NOT NULL,            -- lures: what the lure asks; '' otherwise
  lang     TEXT NOT NULL,            -- en | ja; '' for shorteners
  phrase   TEXT NOT NULL,
  source   TEXT NOT NULL REFERENCES source(id),
  note     TEXT NOT NULL,
  PRIMARY KEY (kind, category, lang, phrase)
) WITHOUT ROWID;

-- India's DLT header letters (TCCCPR 2018): the first letter of a header
-- XY-ABCDEF names the access provider, the second the licensed service
-- area. Since schema 5.
CREATE TABLE dlt_letter (
  letter TEXT NOT NULL,              -- one upper-case letter A-Z
  role   TEXT NOT NULL,              -- operator | circle
  name   TEXT NOT NULL,
  source TEXT NOT NULL REFERENCES source(id),
  note   TEXT NOT NULL,
  PRIMARY KEY (letter, role)
) WITHOUT ROWID;
