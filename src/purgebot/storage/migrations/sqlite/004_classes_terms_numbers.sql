-- SQLite's triggers for ../004_classes_terms_numbers.sql.

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
