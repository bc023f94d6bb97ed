-- A case moves through phases (in prison, leave, conditional release or electronic
-- monitoring, after release, closed). Each move is kept with the day it takes effect, who
-- decided it and why: the participant reads the history. A move dated ahead is announced
-- until its day, and the phase of that day is the last move dated on or before it.
CREATE TABLE phase_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    phase TEXT NOT NULL,
    effective_on TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    reason TEXT NOT NULL,
    changed_by BIGINT NOT NULL REFERENCES users (id),
    changed_at BIGINT NOT NULL
);
CREATE INDEX phase_changes_by_case ON phase_changes (case_id, effective_on, id);
