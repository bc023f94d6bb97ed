-- A worker may restrict what a family member sees of a category (for a child's safety),
-- with a reason the participant reads. A restriction overrides the participant's share.

CREATE TABLE sharing_restrictions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    family_user_id BIGINT NOT NULL REFERENCES users (id),
    category TEXT NOT NULL,
    reason TEXT NOT NULL,
    restricted_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    UNIQUE (case_id, family_user_id, category)
);
