-- Essay drills: each submission with its automatic feedback, and at most one teacher review.

CREATE TABLE essay_submissions (
    submission_id {id},
    guild_id      INTEGER NOT NULL,
    user_id       INTEGER NOT NULL,
    user_name     TEXT    NOT NULL,
    bank_id       TEXT    NOT NULL,
    prompt_id     TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    word_count    INTEGER NOT NULL CHECK (word_count >= 0),
    feedback_json TEXT    NOT NULL DEFAULT '{}',
    submitted_at  INTEGER NOT NULL
);
CREATE INDEX ix_essays_guild_time ON essay_submissions (guild_id, submitted_at);
CREATE INDEX ix_essays_guild_user ON essay_submissions (guild_id, user_id, submitted_at);

CREATE TABLE essay_reviews (
    submission_id INTEGER PRIMARY KEY
                  REFERENCES essay_submissions (submission_id) ON DELETE CASCADE,
    score         REAL    NOT NULL,
    comment       TEXT,
    reviewer_id   INTEGER,
    reviewed_at   INTEGER NOT NULL
);
