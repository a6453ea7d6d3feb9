-- A job's input (a whole repository document or Feast registry dump: megabytes) is kept as JSON
-- text rather than jsonb. Nothing queries inside it, and turning 7 MB of JSON into jsonb held the
-- embedded database, and so the server's thread, for about 2 s while the request queued the job
-- (as text: 0.25 s). Valid on PostgreSQL 15 and PGlite.
ALTER TABLE "job" ALTER COLUMN "input" TYPE TEXT USING "input"::text;
