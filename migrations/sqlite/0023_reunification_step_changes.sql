-- Reunification steps keep their reasons like milestones: every change of a step's status
-- or date is kept with why, and the people who see the steps read it.
CREATE TABLE reunification_step_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    step_id BIGINT NOT NULL REFERENCES reunification_steps (id),
    field TEXT NOT NULL CHECK (field IN ('status', 'next_date')),
    old_value TEXT,
    new_value TEXT,
    reason TEXT NOT NULL,
    changed_by BIGINT NOT NULL REFERENCES users (id),
    changed_at BIGINT NOT NULL
);
CREATE INDEX reunification_step_changes_by_step ON reunification_step_changes (step_id, id);
