-- SQLite's triggers for ../003_answer_totals.sql.

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
