-- PostgreSQL's spelling of ../003_answer_totals.sql: running totals per server, bank and
-- student, kept by triggers (row-level, in plpgsql) so no code path can forget them.

CREATE TABLE answer_totals (
    guild_id BIGINT NOT NULL,
    bank_id  TEXT   NOT NULL,
    user_id  BIGINT NOT NULL,
    answered BIGINT NOT NULL,
    correct  BIGINT NOT NULL,
    points   BIGINT NOT NULL,
    PRIMARY KEY (guild_id, bank_id, user_id)
) WITH (fillfactor = 70);  -- room on each page for the triggers' updates (HOT, no index churn)

INSERT INTO answer_totals (guild_id, bank_id, user_id, answered, correct, points)
SELECT a.guild_id, r.bank_id, a.user_id, count(*), sum(a.correct), sum(a.points)
FROM answers AS a JOIN runs AS r ON r.run_id = a.run_id
GROUP BY a.guild_id, r.bank_id, a.user_id;

CREATE FUNCTION tr_answer_totals_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO answer_totals (guild_id, bank_id, user_id, answered, correct, points)
    VALUES (NEW.guild_id, coalesce((SELECT bank_id FROM runs WHERE run_id = NEW.run_id), ''),
            NEW.user_id, 1, NEW.correct, NEW.points)
    ON CONFLICT (guild_id, bank_id, user_id) DO UPDATE SET
        answered = answer_totals.answered + 1,
        correct = answer_totals.correct + excluded.correct,
        points = answer_totals.points + excluded.points;
    RETURN NULL;
END $$;

CREATE FUNCTION tr_answer_totals_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE answer_totals
    SET answered = answered - 1, correct = correct - OLD.correct, points = points - OLD.points
    WHERE guild_id = OLD.guild_id AND user_id = OLD.user_id
      AND bank_id = (SELECT bank_id FROM runs WHERE run_id = OLD.run_id);
    DELETE FROM answer_totals
    WHERE guild_id = OLD.guild_id AND user_id = OLD.user_id AND answered <= 0;
    RETURN NULL;
END $$;

CREATE TRIGGER tr_answer_totals_insert AFTER INSERT ON answers
    FOR EACH ROW EXECUTE FUNCTION tr_answer_totals_insert();
CREATE TRIGGER tr_answer_totals_delete AFTER DELETE ON answers
    FOR EACH ROW EXECUTE FUNCTION tr_answer_totals_delete();
