-- PostgreSQL's own part of ../003_answer_totals.sql (its triggers are in triggers.sql).

-- room on each page for the triggers' updates (HOT, no index churn)
ALTER TABLE answer_totals SET (fillfactor = 70);
