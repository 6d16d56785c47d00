-- Servers, uploaded banks, accommodations, quiz runs and every answer attempt.
-- Times are integer milliseconds since the epoch (UTC). Discord ids are 64-bit integers.

CREATE TABLE guild_settings (
    guild_id        INTEGER PRIMARY KEY,
    teacher_role_id INTEGER,
    defaults_json   TEXT    NOT NULL DEFAULT '{}',
    updated_at      INTEGER NOT NULL
);

CREATE TABLE banks (
    guild_id    INTEGER NOT NULL,
    bank_id     TEXT    NOT NULL,
    yaml_text   TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    uploader_id INTEGER,
    uploaded_at INTEGER NOT NULL,
    PRIMARY KEY (guild_id, bank_id)
) WITHOUT ROWID;

CREATE TABLE accommodations (
    guild_id   INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
    multiplier REAL    NOT NULL CHECK (multiplier > 0),
    PRIMARY KEY (guild_id, user_id)
) WITHOUT ROWID;

CREATE TABLE runs (
    run_id        {id},
    guild_id      INTEGER NOT NULL,
    channel_id    INTEGER NOT NULL,
    bank_id       TEXT    NOT NULL,
    started_by    INTEGER,
    started_at    INTEGER NOT NULL,
    ended_at      INTEGER,
    settings_json TEXT    NOT NULL DEFAULT '{}',
    status        TEXT    NOT NULL DEFAULT 'running'
                  CHECK (status IN ('running', 'finished', 'stopped', 'aborted')),
    end_reason    TEXT
);
CREATE INDEX ix_runs_guild_started ON runs (guild_id, started_at);

CREATE TABLE answers (
    answer_id   {id},
    -- no cascade: a run with answers cannot be deleted, its answers go first (on purpose)
    run_id      INTEGER NOT NULL REFERENCES runs (run_id),
    guild_id    INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    user_name   TEXT    NOT NULL,
    question_id TEXT    NOT NULL,
    topic       TEXT,
    raw_answer  TEXT    NOT NULL,
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    points      INTEGER NOT NULL,
    response_ms INTEGER NOT NULL,
    answered_at INTEGER NOT NULL
);
-- Leaderboards and server reports: a range of one guild's time, covering every column they read,
-- so a weekly top-10 never touches the table.
CREATE INDEX ix_answers_guild_time ON answers (guild_id, answered_at, user_id, points, correct, run_id);
-- A student's stats, their latest name and deleting their rows, covering so stats never touch
-- the table. user_id leads: were it (guild_id, user_id, ...), the planner (without ANALYZE
-- statistics) would prefer it for a weekly board, to group in order, and read all of time.
CREATE INDEX ix_answers_user_guild
    ON answers (user_id, guild_id, answered_at, correct, points, run_id, topic);
-- Run reports, a student's recent runs, and the foreign key check when a run is deleted.
CREATE INDEX ix_answers_run ON answers (run_id, user_id);

CREATE TABLE kv (
    key        TEXT PRIMARY KEY,
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;
