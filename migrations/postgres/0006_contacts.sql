-- Contact points: every service and person around a case, with or without an account.
-- A contact may point at a worker in the circle (member_user_id); others have no account.

CREATE TABLE contacts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    member_user_id BIGINT REFERENCES users (id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL,
    role TEXT NOT NULL,
    why_involved TEXT NOT NULL,
    decides TEXT NOT NULL,
    phone TEXT NOT NULL,
    office_hours TEXT NOT NULL,
    languages TEXT NOT NULL,
    stand_in TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX contacts_by_case ON contacts (case_id, id);
