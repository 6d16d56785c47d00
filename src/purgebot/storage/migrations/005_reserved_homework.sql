-- PLACEHOLDER (branch `homework`): other branches bring the real migrations 004 and 005 in
-- parallel. Migrations run 1..n without gaps, so 006 needs a 005 to stand on; on merge, delete this
-- file and keep the other branch's 005 (and its ADDED_BY entry in tests/storage/test_migrations.py).
CREATE TABLE reserved_005_homework (unused INTEGER);
