-- Parallax schema, version 1. Runs unchanged on PGlite and on a PostgreSQL server.

CREATE TABLE comparisons (
  id text PRIMARY KEY,
  -- Insertion order, for a stable listing even when several rows share a timestamp.
  seq bigserial NOT NULL UNIQUE,
  title text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Versions live in their own table so a comparison of three or more versions needs no new column.
-- Position 0 is the source.
CREATE TABLE versions (
  comparison_id text NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  label text NOT NULL,
  lang text NOT NULL,
  body text NOT NULL,
  -- Length in UTF-16 code units (the unit of every offset in the API), kept to validate spans
  -- without reading the body.
  body_length integer NOT NULL,
  PRIMARY KEY (comparison_id, position)
);

-- One stored alignment per target version: the source (position 0) against version `target`.
-- `revision` grows by one with every correction; writers name the revision they corrected.
CREATE TABLE alignments (
  comparison_id text NOT NULL,
  target integer NOT NULL CHECK (target >= 1),
  revision integer NOT NULL DEFAULT 1,
  report jsonb NOT NULL,
  summary jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (comparison_id, target),
  FOREIGN KEY (comparison_id, target) REFERENCES versions (comparison_id, position) ON DELETE CASCADE
);

-- Keys that allow writing to one comparison. Only a SHA-256 of the secret part is kept.
CREATE TABLE access_keys (
  id text PRIMARY KEY,
  comparison_id text NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'participant')),
  label text NOT NULL DEFAULT '',
  secret_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX access_keys_comparison ON access_keys (comparison_id);

CREATE TABLE annotations (
  id text PRIMARY KEY,
  seq bigserial NOT NULL UNIQUE,
  comparison_id text NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
  -- The alignment (target version) the annotation belongs to.
  target_version integer NOT NULL DEFAULT 1,
  -- Either a bead ...
  bead integer CHECK (bead >= 0),
  -- ... with the sentences it held when annotated, so the annotation follows them when the
  -- alignment is corrected and bead numbers shift ...
  anchor jsonb,
  -- ... or a span of one side's text (UTF-16 offsets, end exclusive).
  side text CHECK (side IN ('src', 'tgt')),
  span_start integer,
  span_end integer,
  tag text NOT NULL,
  tags jsonb NOT NULL DEFAULT '[]',
  note text NOT NULL DEFAULT '',
  author text NOT NULL DEFAULT '',
  key_id text REFERENCES access_keys (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (
    (bead IS NOT NULL AND side IS NULL AND span_start IS NULL AND span_end IS NULL)
    OR (bead IS NULL AND side IS NOT NULL AND span_start >= 0 AND span_end > span_start)
  )
);
CREATE INDEX annotations_comparison ON annotations (comparison_id, seq);

-- Facts about the database itself, e.g. that the sample comparisons were written once.
CREATE TABLE app_state (
  key text PRIMARY KEY,
  value jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
