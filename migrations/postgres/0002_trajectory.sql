-- Trajectory: the phase a case is in and its milestones, each change with its reason.

ALTER TABLE cases ADD COLUMN phase TEXT NOT NULL DEFAULT 'in_detention';

CREATE TABLE milestones (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    phase TEXT NOT NULL,
    title TEXT NOT NULL,
    explanation TEXT NOT NULL,
    why_it_matters TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    what_is_needed TEXT NOT NULL,
    expected_date TEXT,
    status TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX milestones_by_case ON milestones (case_id, expected_date);

CREATE TABLE milestone_changes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    milestone_id BIGINT NOT NULL REFERENCES milestones (id),
    changed_by BIGINT NOT NULL REFERENCES users (id),
    changed_at BIGINT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    reason TEXT NOT NULL
);
CREATE INDEX milestone_changes_by_milestone ON milestone_changes (milestone_id, id);
