-- PostgreSQL's triggers for ../004_classes_terms_numbers.sql.

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

CREATE TRIGGER tr_student_numbers_insert AFTER INSERT ON answers
    FOR EACH ROW EXECUTE FUNCTION tr_student_numbers_insert();
CREATE TRIGGER tr_student_numbers_delete AFTER DELETE ON answers
    FOR EACH ROW EXECUTE FUNCTION tr_student_numbers_delete();
