-- Running totals per server and student, so the all-time board reads one row per student
-- instead of every answer ever given. Triggers keep them, so no code path can forget to:
-- answers are append-only (never updated), and every delete is counted back out.

CREATE TABLE answer_totals (
    guild_id INTEGER NOT NULL,
    user_id  INTEGER NOT NULL,
    answered INTEGER NOT NULL,
    correct  INTEGER NOT NULL,
    points   INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id)
) WITHOUT ROWID;

INSERT INTO answer_totals (guild_id, user_id, answered, correct, points)
SELECT guild_id, user_id, count(*), sum(correct), sum(points)
FROM answers
GROUP BY guild_id, user_id;

CREATE TRIGGER tr_answer_totals_insert AFTER INSERT ON answers BEGIN
    INSERT INTO answer_totals (guild_id, user_id, answered, correct, points)
    VALUES (NEW.guild_id, NEW.user_id, 1, NEW.correct, NEW.points)
    ON CONFLICT (guild_id, user_id) DO UPDATE SET
        answered = answered + 1,
        correct = correct + excluded.correct,
        points = points + excluded.points;
END;

CREATE TRIGGER tr_answer_totals_delete AFTER DELETE ON answers BEGIN
    UPDATE answer_totals
    SET answered = answered - 1, correct = correct - OLD.correct, points = points - OLD.points
    WHERE guild_id = OLD.guild_id AND user_id = OLD.user_id;
    DELETE FROM answer_totals
    WHERE guild_id = OLD.guild_id AND user_id = OLD.user_id AND answered <= 0;
END;
