-- Running totals per server, bank and student, so an all-time board (of the server or of one
-- bank) reads a row or a few per student instead of every answer ever given. Triggers keep
-- them, so no code path can forget to: answers are append-only (never updated), every delete
-- is counted back out, and a run cannot be deleted while it has answers (see 001).

CREATE TABLE answer_totals (
    guild_id INTEGER NOT NULL,
    bank_id  TEXT    NOT NULL,
    user_id  INTEGER NOT NULL,
    answered INTEGER NOT NULL,
    correct  INTEGER NOT NULL,
    points   INTEGER NOT NULL,
    PRIMARY KEY (guild_id, bank_id, user_id)
) WITHOUT ROWID;

INSERT INTO answer_totals (guild_id, bank_id, user_id, answered, correct, points)
SELECT a.guild_id, r.bank_id, a.user_id, count(*), sum(a.correct), sum(a.points)
FROM answers AS a JOIN runs AS r ON r.run_id = a.run_id
GROUP BY a.guild_id, r.bank_id, a.user_id;

-- An answer naming no run gets bank '' here and is then refused by the foreign key.
CREATE TRIGGER tr_answer_totals_insert AFTER INSERT ON answers BEGIN
    INSERT INTO answer_totals (guild_id, bank_id, user_id, answered, correct, points)
    VALUES (NEW.guild_id, coalesce((SELECT bank_id FROM runs WHERE run_id = NEW.run_id), ''),
            NEW.user_id, 1, NEW.correct, NEW.points)
    ON CONFLICT (guild_id, bank_id, user_id) DO UPDATE SET
        answered = answered + 1,
        correct = correct + excluded.correct,
        points = points + excluded.points;
END;

CREATE TRIGGER tr_answer_totals_delete AFTER DELETE ON answers BEGIN
    UPDATE answer_totals
    SET answered = answered - 1, correct = correct - OLD.correct, points = points - OLD.points
    WHERE guild_id = OLD.guild_id AND user_id = OLD.user_id
      AND bank_id = (SELECT bank_id FROM runs WHERE run_id = OLD.run_id);
    DELETE FROM answer_totals
    WHERE guild_id = OLD.guild_id AND user_id = OLD.user_id AND answered <= 0;
END;
