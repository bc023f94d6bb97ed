-- Reunification: per child (an alias and an age band only: no surname, no birth date),
-- the ordered steps back to family life agreed with youth care.

CREATE TABLE children (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    alias TEXT NOT NULL,
    age_band TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX children_by_case ON children (case_id);

CREATE TABLE reunification_steps (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    child_id BIGINT NOT NULL REFERENCES children (id),
    position BIGINT NOT NULL,
    kind TEXT NOT NULL,
    custom_title TEXT,
    status TEXT NOT NULL,
    conditions TEXT NOT NULL,
    next_date TEXT,
    contact_user_id BIGINT REFERENCES users (id),
    updated_at BIGINT NOT NULL
);
CREATE INDEX reunification_steps_by_child ON reunification_steps (child_id, position);
