-- Release without a gap: per case, the day she is expected home, the buddy's first
-- meeting (an appointment) and a checklist of what must be in place, each item with an
-- owner from the circle, a status and a history of changes and comments.
CREATE TABLE release_plans (
    case_id BIGINT PRIMARY KEY REFERENCES cases (id),
    release_on TEXT,
    buddy_meeting_id BIGINT REFERENCES appointments (id),
    updated_at BIGINT NOT NULL
);

CREATE TABLE release_items (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    topic TEXT NOT NULL CHECK (topic IN ('identity_card', 'housing', 'income', 'health_insurance', 'gp',
        'bank_account', 'phone', 'first_appointments')),
    status TEXT NOT NULL CHECK (status IN ('to_do', 'in_progress', 'done', 'not_needed')),
    owner_user_id BIGINT REFERENCES users (id),
    updated_at BIGINT NOT NULL,
    UNIQUE (case_id, topic)
);

CREATE TABLE release_item_notes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id BIGINT NOT NULL REFERENCES release_items (id),
    author_id BIGINT NOT NULL REFERENCES users (id),
    status TEXT,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX release_item_notes_by_item ON release_item_notes (item_id, id);
