-- Large answers (an alignment's JSON, the shared rows) kept compressed, built once per revision:
-- one row per comparison and answer, replaced when the ETag of its content changes.
CREATE TABLE stored_answers (
  comparison_id text NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
  -- Which answer: 'alignment-1', 'rows', ...
  name text NOT NULL,
  -- The ETag of the content, '"r3"' or '"rows-1.2"'.
  etag text NOT NULL,
  -- gzip of the JSON answer, and the length of that JSON in bytes.
  gzip bytea NOT NULL,
  json_length integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (comparison_id, name)
);
