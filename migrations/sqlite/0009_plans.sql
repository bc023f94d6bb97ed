-- Co-decided plans. A plan belongs to a case and lives in numbered versions. A version is
-- drafted (items change in place), then put up for agreement: from then on it never
-- changes, and any change starts the next version, so every signature stays on record
-- next to exactly what was signed. An item keeps its `item_key` across versions.

CREATE TABLE plans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX plans_by_case ON plans (case_id, id);

-- state: draft, awaiting_signatures, agreed, or superseded (put up for agreement, then
-- changed before everyone signed).
CREATE TABLE plan_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id BIGINT NOT NULL REFERENCES plans (id),
    number BIGINT NOT NULL,
    state TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    changed_at BIGINT NOT NULL,
    submitted_at BIGINT,
    agreed_at BIGINT,
    UNIQUE (plan_id, number)
);

CREATE TABLE plan_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id BIGINT NOT NULL REFERENCES plan_versions (id),
    item_key BIGINT NOT NULL,
    position BIGINT NOT NULL,
    what TEXT NOT NULL,
    owner_user_id BIGINT REFERENCES users (id),
    due_on TEXT,
    why TEXT NOT NULL,
    milestone_id BIGINT REFERENCES milestones (id),
    reunification_step_id BIGINT REFERENCES reunification_steps (id),
    UNIQUE (version_id, item_key)
);

-- Family members the participant asked to agree too; carried to every later version.
CREATE TABLE plan_extra_parties (
    plan_id BIGINT NOT NULL REFERENCES plans (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    added_by BIGINT NOT NULL REFERENCES users (id),
    added_at BIGINT NOT NULL,
    PRIMARY KEY (plan_id, user_id)
);

-- Who must agree a version, fixed when it is put up for agreement, and when they signed.
CREATE TABLE plan_parties (
    version_id BIGINT NOT NULL REFERENCES plan_versions (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    signed_at BIGINT,
    PRIMARY KEY (version_id, user_id)
);

-- A party's word on one item of a version: agree, or disagree with a reason.
CREATE TABLE plan_item_responses (
    version_id BIGINT NOT NULL REFERENCES plan_versions (id),
    item_key BIGINT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    stance TEXT NOT NULL,
    reason TEXT NOT NULL,
    responded_at BIGINT NOT NULL,
    PRIMARY KEY (version_id, item_key, user_id)
);

-- Comments stay with the plan's item across versions; version_number says on which
-- version they were written.
CREATE TABLE plan_comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id BIGINT NOT NULL REFERENCES plans (id),
    version_number BIGINT NOT NULL,
    item_key BIGINT NOT NULL,
    author_id BIGINT NOT NULL REFERENCES users (id),
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX plan_comments_by_plan ON plan_comments (plan_id, id);

-- kind: reword, date, add or remove. status: open, accepted or declined; a decline
-- carries a reason that the proposer reads.
CREATE TABLE plan_proposals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id BIGINT NOT NULL REFERENCES plans (id),
    version_number BIGINT NOT NULL,
    kind TEXT NOT NULL,
    item_key BIGINT,
    what TEXT NOT NULL,
    due_on TEXT,
    why TEXT NOT NULL,
    reason TEXT NOT NULL,
    proposed_by BIGINT NOT NULL REFERENCES users (id),
    proposed_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    decided_by BIGINT REFERENCES users (id),
    decided_at BIGINT,
    decline_reason TEXT
);
CREATE INDEX plan_proposals_by_plan ON plan_proposals (plan_id, id);
