-- Homework, solo practice and spaced review: private quizzes played one student at a time.
-- Every private attempt is a run (mode 'homework', 'practice' or 'review'); its answers are
-- ordinary answers, so reports, exports and leaderboards see them with no other change.

-- Why a run was played. Existing runs were all live quizzes.
ALTER TABLE runs ADD COLUMN mode TEXT NOT NULL DEFAULT 'live'
    CHECK (mode IN ('live', 'homework', 'practice', 'review'));

-- A teacher's assignment: one bank, a due time, how many tries each student gets.
CREATE TABLE assignments (
    assignment_id INTEGER PRIMARY KEY,
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

-- A wrong answer anywhere (live, homework, practice, review) puts its question in the first box,
-- due a day later (quiz/review.py: BOX_DAYS[0]). A trigger, so no answer path can forget it.
CREATE TRIGGER tr_review_wrong AFTER INSERT ON answers WHEN NEW.correct = 0 BEGIN
    INSERT INTO review_boxes (guild_id, user_id, bank_id, question_id, box, due_at, missed)
    VALUES (NEW.guild_id, NEW.user_id,
            coalesce((SELECT bank_id FROM runs WHERE run_id = NEW.run_id), ''),
            NEW.question_id, 1, NEW.answered_at + 86400000, 1)
    ON CONFLICT (guild_id, user_id, bank_id, question_id) DO UPDATE SET
        box = 1, due_at = excluded.due_at, missed = missed + 1;
END;

-- Practice and review earn no place on the boards: the all-time totals count only the answers
-- of live quizzes and homework (the window boards filter the same way in leaderboard.py). Every
-- run before this migration is live, so the totals kept so far stand as they are.
DROP TRIGGER tr_answer_totals_insert;
DROP TRIGGER tr_answer_totals_delete;

CREATE TRIGGER tr_answer_totals_insert AFTER INSERT ON answers
WHEN (SELECT mode FROM runs WHERE run_id = NEW.run_id) IS NOT 'practice'
 AND (SELECT mode FROM runs WHERE run_id = NEW.run_id) IS NOT 'review'
BEGIN
    INSERT INTO answer_totals (guild_id, bank_id, user_id, answered, correct, points)
    VALUES (NEW.guild_id, coalesce((SELECT bank_id FROM runs WHERE run_id = NEW.run_id), ''),
            NEW.user_id, 1, NEW.correct, NEW.points)
    ON CONFLICT (guild_id, bank_id, user_id) DO UPDATE SET
        answered = answered + 1,
        correct = correct + excluded.correct,
        points = points + excluded.points;
END;

CREATE TRIGGER tr_answer_totals_delete AFTER DELETE ON answers
WHEN (SELECT mode FROM runs WHERE run_id = OLD.run_id) IN ('live', 'homework')
BEGIN
    UPDATE answer_totals
    SET answered = answered - 1, correct = correct - OLD.correct, points = points - OLD.points
    WHERE guild_id = OLD.guild_id AND user_id = OLD.user_id
      AND bank_id = (SELECT bank_id FROM runs WHERE run_id = OLD.run_id);
    DELETE FROM answer_totals
    WHERE guild_id = OLD.guild_id AND user_id = OLD.user_id AND answered <= 0;
END;
