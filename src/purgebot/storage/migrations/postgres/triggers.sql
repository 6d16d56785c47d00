-- PostgreSQL's triggers as they stand now (row-level, in plpgsql): the whole set, one definition
-- each. Not history: after the numbered migrations, pgdb.py drops the functions named here (and
-- so their triggers) and runs this file in one transaction, kept only where it changed what the
-- database holds. They need the latest schema.

CREATE FUNCTION tr_student_numbers_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM student_numbers
                   WHERE guild_id = NEW.guild_id AND user_id = NEW.user_id) THEN
        INSERT INTO student_counters (guild_id, last) VALUES (NEW.guild_id, 1)
        ON CONFLICT (guild_id) DO UPDATE SET last = student_counters.last + 1;
        INSERT INTO student_numbers (guild_id, user_id, number)
        SELECT NEW.guild_id, NEW.user_id, last FROM student_counters
        WHERE guild_id = NEW.guild_id;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION tr_student_numbers_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM answers
                   WHERE user_id = OLD.user_id AND guild_id = OLD.guild_id) THEN
        DELETE FROM student_numbers WHERE guild_id = OLD.guild_id AND user_id = OLD.user_id;
    END IF;
    RETURN NULL;
END $$;

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

-- Practice and review earn no place on the boards (see the SQLite file's note).
CREATE FUNCTION tr_answer_totals_insert() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE FUNCTION tr_answer_totals_delete() RETURNS trigger LANGUAGE plpgsql AS $$
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

-- What fires on each answer written or deleted, each calling its function above.
CREATE TRIGGER tr_student_numbers_insert AFTER INSERT ON answers
    FOR EACH ROW EXECUTE FUNCTION tr_student_numbers_insert();
CREATE TRIGGER tr_student_numbers_delete AFTER DELETE ON answers
    FOR EACH ROW EXECUTE FUNCTION tr_student_numbers_delete();
CREATE TRIGGER tr_review_wrong AFTER INSERT ON answers
    FOR EACH ROW EXECUTE FUNCTION tr_review_wrong();
CREATE TRIGGER tr_answer_totals_insert AFTER INSERT ON answers
    FOR EACH ROW EXECUTE FUNCTION tr_answer_totals_insert();
CREATE TRIGGER tr_answer_totals_delete AFTER DELETE ON answers
    FOR EACH ROW EXECUTE FUNCTION tr_answer_totals_delete();
