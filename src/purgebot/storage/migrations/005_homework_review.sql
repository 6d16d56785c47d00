-- Homework, solo practice and spaced review: private quizzes played one student at a time.
-- Every private attempt is a run (mode 'homework', 'practice' or 'review'); its answers are
-- ordinary answers, so reports, exports and leaderboards see them with no other change.

-- Why a run was played. Existing runs were all live quizzes.
ALTER TABLE runs ADD COLUMN mode TEXT NOT NULL DEFAULT 'live'
    CHECK (mode IN ('live', 'homework', 'practice', 'review'));

-- A teacher's assignment: one bank, a due time, how many tries each student gets.
CREATE TABLE assignments (
    assignment_id {id},
    guild_id      INTEGER NOT NULL,
    channel_id    INTEGER NOT NULL,
    bank_id       TEXT    NOT NULL,
    set_by        INTEGER,
    set_at        INTEGER NOT NULL,
    due_at        INTEGER NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1),
    settings_json TEXT    NOT NULL DEFAULT '{}',
    message_id    INTEGER
);
CREATE INDEX ix_assignments_guild_due ON assignments (guild_id, due_at);
CREATE INDEX ix_assignments_due ON assignments (due_at);  -- the next deadline, any server

-- Where one student's private attempt stands, so a restart resumes it: the planned questions,
-- the one being asked and when it was shown (written when a question is shown). What was
-- answered, and so the streak, is read from the attempt's answers: an answer is one write.
CREATE TABLE attempts (
    run_id           INTEGER PRIMARY KEY REFERENCES runs (run_id),
    guild_id         INTEGER NOT NULL,
    user_id          INTEGER NOT NULL,
    assignment_id    INTEGER REFERENCES assignments (assignment_id),
    question_ids     TEXT    NOT NULL,  -- JSON list, in the order asked
    seed             INTEGER NOT NULL,
    multiplier       REAL    NOT NULL DEFAULT 1.0,
    position         INTEGER NOT NULL DEFAULT 0,
    opened_at        INTEGER            -- when question `position` was shown; NULL: not yet
);
CREATE INDEX ix_attempts_assignment ON attempts (assignment_id, user_id);
CREATE INDEX ix_attempts_user ON attempts (guild_id, user_id);

-- A student's Leitner boxes in one server: which questions come back, and when.
CREATE TABLE review_boxes (
    guild_id    INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    bank_id     TEXT    NOT NULL,
    question_id TEXT    NOT NULL,
    box         INTEGER NOT NULL CHECK (box BETWEEN 1 AND 5),
    due_at      INTEGER NOT NULL,
    missed      INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (guild_id, user_id, bank_id, question_id)
) WITHOUT ROWID;
CREATE INDEX ix_review_due ON review_boxes (guild_id, user_id, due_at);
