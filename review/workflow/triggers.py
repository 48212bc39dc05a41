"""The statements that make the audit log append-only in the database (review.workflow.store
runs them; review.workflow.chain checks that a SQLite file holds no other trigger of their
names). Apart from both, so that neither imports the other."""

# The log is append-only in the database too. On PostgreSQL this holds against every member:
# members connect as roles that may only SELECT and INSERT the log (README, "A team on
# PostgreSQL"), and the table's owner would have to drop the trigger first. On SQLite anyone
# who can write the file can drop it; there the witnesses catch what is cut.
APPEND_ONLY = {
    "postgresql": [
        "CREATE OR REPLACE FUNCTION review_log_append_only() RETURNS trigger LANGUAGE plpgsql "
        "AS $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$",
        "DROP TRIGGER IF EXISTS review_log_append_only ON review_log",
        "CREATE TRIGGER review_log_append_only BEFORE UPDATE OR DELETE ON review_log "
        "FOR EACH ROW EXECUTE FUNCTION review_log_append_only()",
        "DROP TRIGGER IF EXISTS review_log_no_truncate ON review_log",
        "CREATE TRIGGER review_log_no_truncate BEFORE TRUNCATE ON review_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION review_log_append_only()",
        "ALTER TABLE review_log ADD COLUMN IF NOT EXISTS inserted_by text",
        "ALTER TABLE review_log ADD COLUMN IF NOT EXISTS logged_at timestamptz",
        # who added a row and when, by the server: a member's INSERT cannot choose either.
        # When is the moment the row arrives (clock_timestamp()), not now(), which is the
        # start of its transaction: a member who holds a transaction open from before a
        # proposal lapsed, or a month ended, would otherwise date his row back to then.
        "CREATE OR REPLACE FUNCTION review_log_inserted_by() RETURNS trigger LANGUAGE plpgsql "
        "AS $$ BEGIN NEW.inserted_by := session_user; NEW.logged_at := clock_timestamp(); "
        "RETURN NEW; END $$",
        "DROP TRIGGER IF EXISTS review_log_inserted_by ON review_log",
        "CREATE TRIGGER review_log_inserted_by BEFORE INSERT ON review_log "
        "FOR EACH ROW EXECUTE FUNCTION review_log_inserted_by()"],
    "sqlite": [
        "ALTER TABLE review_log ADD COLUMN inserted_by TEXT",
        "ALTER TABLE review_log ADD COLUMN logged_at DATETIME",
        "CREATE TRIGGER IF NOT EXISTS review_log_no_update BEFORE UPDATE ON review_log "
        "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
        "CREATE TRIGGER IF NOT EXISTS review_log_no_delete BEFORE DELETE ON review_log "
        "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"]}
