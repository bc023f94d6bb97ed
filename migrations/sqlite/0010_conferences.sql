-- Case conferences: the coordination meetings between services. The participant writes
-- input before the date; workers record the decisions, each with what it means for the
-- participant in plain words; the participant responds to each decision.

CREATE TABLE conferences (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    held_on TEXT NOT NULL,
    participants TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX conferences_by_case ON conferences (case_id, id);

CREATE TABLE conference_inputs (
    conference_id BIGINT PRIMARY KEY REFERENCES conferences (id),
    author_id BIGINT NOT NULL REFERENCES users (id),
    body TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE conference_decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conference_id BIGINT NOT NULL REFERENCES conferences (id),
    decision TEXT NOT NULL,
    meaning_for_you TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES users (id),
    recorded_at BIGINT NOT NULL
);
CREATE INDEX conference_decisions_by_conference ON conference_decisions (conference_id, id);

CREATE TABLE decision_responses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    decision_id BIGINT NOT NULL REFERENCES conference_decisions (id),
    author_id BIGINT NOT NULL REFERENCES users (id),
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX decision_responses_by_decision ON decision_responses (decision_id, id);
