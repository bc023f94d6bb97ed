-- The participant shapes her circle: she asks for someone to be invited (a family member
-- or a trusted person) or for a worker to be replaced; a worker of the case answers, and
-- both the request and the answer are kept.
CREATE TABLE circle_requests (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL CHECK (kind IN ('invite', 'replace_worker')),
    about TEXT NOT NULL,
    worker_user_id BIGINT REFERENCES users (id),
    reason TEXT NOT NULL,
    requested_by BIGINT NOT NULL REFERENCES users (id),
    requested_at BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'declined')),
    answer TEXT,
    answered_by BIGINT REFERENCES users (id),
    answered_at BIGINT
);
CREATE INDEX circle_requests_by_case ON circle_requests (case_id, id);
