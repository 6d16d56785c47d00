-- PostgreSQL's triggers for ../005_homework_review.sql.

CREATE FUNCTION tr_review_wrong() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.correct = 0 THEN
        INSERT INTO review_boxes (guild_id, user_id, bank_id, question_id, box, due_at, missed)
        VALUES (NEW.guild_id, NEW.user_id,
                coalesce((SELECT bank_id FROM runs WHERE run_id = NEW.run_id), ''),
                NEW.question_id, 1, NEW.answered_at + 86400000, 1)
        ON CONFLICT (guild_id, user_id, bank_id, question_id) DO UPDATE SET
            box = 1, due_at = excluded.due_at, missed = review_boxes.missed + 1;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER tr_review_wrong AFTER INSERT ON answers
    FOR EACH ROW EXECUTE FUNCTION tr_review_wrong();

-- Practice and review earn no place on the boards (see ../005_homework_review.sql).
CREATE OR REPLACE FUNCTION tr_answer_totals_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT mode FROM runs WHERE run_id = NEW.run_id) IS DISTINCT FROM 'practice'
       AND (SELECT mode FROM runs WHERE run_id = NEW.run_id) IS DISTINCT FROM 'review' THEN
        INSERT INTO answer_totals (guild_id, bank_id, user_id, answered, correct, points)
        VALUES (NEW.guild_id, coalesce((SELECT bank_id FROM runs WHERE run_id = NEW.run_id), ''),
                NEW.user_id, 1, NEW.correct, NEW.points)
        ON CONFLICT (guild_id, bank_id, user_id) DO UPDATE SET
            answered = answer_totals.answered + 1,
            correct = answer_totals.correct + excluded.correct,
            points = answer_totals.points + excluded.points;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION tr_answer_totals_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT mode FROM runs WHERE run_id = OLD.run_id) IN ('live', 'homework') THEN
        UPDATE answer_totals
        SET answered = answered - 1, correct = correct - OLD.correct, points = points - OLD.points
        WHERE guild_id = OLD.guild_id AND user_id = OLD.user_id
          AND bank_id = (SELECT bank_id FROM runs WHERE run_id = OLD.run_id);
        DELETE FROM answer_totals
        WHERE guild_id = OLD.guild_id AND user_id = OLD.user_id AND answered <= 0;
    END IF;
    RETURN NULL;
END $$;
