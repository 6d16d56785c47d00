-- Teacher reports: a stable number per student and server (exports never show a Discord id,
-- which spreadsheets round), classes named by the channels they play in, terms, and how much
-- of a leaderboard the class may see.

-- A server's students, numbered 1, 2, 3 ... in the order first seen answering. Numbers are
-- never reused: the counter only grows, even when a student is forgotten.
CREATE TABLE student_numbers (
    guild_id INTEGER NOT NULL,
    user_id  INTEGER NOT NULL,
    number   INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id),
    UNIQUE (guild_id, number)
) WITHOUT ROWID;

CREATE TABLE student_counters (
    guild_id INTEGER PRIMARY KEY,
    last     INTEGER NOT NULL
);

INSERT INTO student_numbers (guild_id, user_id, number)
SELECT guild_id, user_id, row_number() OVER (PARTITION BY guild_id ORDER BY min(answer_id))
FROM answers GROUP BY guild_id, user_id;

INSERT INTO student_counters (guild_id, last)
SELECT guild_id, max(number) FROM student_numbers GROUP BY guild_id;

-- A class is the channels its quizzes run in (the bot sees no member lists: its only intent is
-- guilds). A channel belongs to one class at most.
CREATE TABLE class_channels (
    guild_id   INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    class_name TEXT    NOT NULL,
    added_at   INTEGER NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
) WITHOUT ROWID;
CREATE INDEX ix_class_channels_name ON class_channels (guild_id, class_name);

-- Terms: boards count answers from the latest term's start; older answers stay for reports.
CREATE TABLE terms (
    term_id    {id},
    guild_id   INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    started_at INTEGER NOT NULL,
    started_by INTEGER
);
CREATE INDEX ix_terms_guild ON terms (guild_id, started_at);

-- How many places a public leaderboard shows (NULL: every place, page by page).
CREATE TABLE board_settings (
    guild_id  INTEGER PRIMARY KEY,
    board_top INTEGER CHECK (board_top IS NULL OR board_top > 0),
    updated_at INTEGER NOT NULL
);
