-- Foundation: organisations, accounts, cases and their circle, sessions, one-time codes,
-- sign-in attempts and the audit trail. Times are Unix seconds (UTC).

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    account_role TEXT NOT NULL CHECK (account_role IN ('participant', 'family', 'worker', 'coordinator')),
    organisation_id BIGINT REFERENCES organisations (id),
    language TEXT,
    created_at BIGINT NOT NULL
);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE memberships (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    member_kind TEXT NOT NULL CHECK (member_kind IN ('participant', 'family', 'worker')),
    case_role TEXT,
    relationship TEXT,
    created_at BIGINT NOT NULL,
    ended_at BIGINT,
    UNIQUE (case_id, user_id)
);
CREATE INDEX memberships_by_user ON memberships (user_id);

CREATE TABLE consents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    family_user_id BIGINT NOT NULL REFERENCES users (id),
    category TEXT NOT NULL,
    granted_at BIGINT NOT NULL,
    UNIQUE (case_id, family_user_id, category)
);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id),
    session_kind TEXT NOT NULL CHECK (session_kind IN ('web', 'device')),
    device_name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    ended_at BIGINT
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE one_time_codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code_hash TEXT NOT NULL UNIQUE,
    purpose TEXT NOT NULL CHECK (purpose IN ('invitation', 'reset')),
    account_role TEXT,
    display_name TEXT,
    organisation_id BIGINT REFERENCES organisations (id),
    case_id BIGINT REFERENCES cases (id),
    case_role TEXT,
    relationship TEXT,
    target_user_id BIGINT REFERENCES users (id),
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE TABLE sign_in_failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    throttle_key TEXT NOT NULL,
    failed_at BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_by_key ON sign_in_failures (throttle_key, failed_at);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at BIGINT NOT NULL,
    actor_user_id BIGINT REFERENCES users (id),
    action TEXT NOT NULL,
    case_id BIGINT REFERENCES cases (id),
    object_type TEXT,
    object_id BIGINT,
    request_id TEXT NOT NULL
);
CREATE INDEX audit_log_by_case ON audit_log (case_id, at);
