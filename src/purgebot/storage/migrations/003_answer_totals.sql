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
