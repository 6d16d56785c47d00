-- SQLite's triggers as they stand now: the whole set, one definition each. Not history: after
-- the numbered migrations, migrate.py drops the triggers named here and runs this file in one
-- transaction, kept only where it changed what the database holds. They need the latest schema.

CREATE TRIGGER tr_student_numbers_insert AFTER INSERT ON answers
WHEN NOT EXISTS (SELECT 1 FROM student_numbers
                 WHERE guild_id = NEW.guild_id AND user_id = NEW.user_id)
BEGIN
    INSERT INTO student_counters (guild_id, last) VALUES (NEW.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET last = last + 1;
    INSERT INTO student_numbers (guild_id, user_id, number)
    SELECT NEW.guild_id, NEW.user_id, last FROM student_counters WHERE guild_id = NEW.guild_id;
END;

-- A forgotten student (every answer deleted) leaves no id behind; their number is not reused.
CREATE TRIGGER tr_student_numbers_delete AFTER DELETE ON answers
WHEN NOT EXISTS (SELECT 1 FROM answers WHERE user_id = OLD.user_id AND guild_id = OLD.guild_id)
BEGIN
    DELETE FROM student_numbers WHERE guild_id = OLD.guild_id AND user_id = OLD.user_id;
END;

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
-- run before migration 005 is live, so the totals kept until then stand as they are. An answer
-- naming no run gets bank '' here and is then refused by the foreign key.
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
