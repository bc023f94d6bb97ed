-- Staff sign in with a second factor: a code from an authenticator app (TOTP), or one of
-- ten recovery codes kept on paper. The TOTP secret is sealed with BRUG_SECRET_KEY, so a
-- copy of the database does not hold it; recovery codes are kept only as digests.
CREATE TABLE second_factors (
    user_id BIGINT PRIMARY KEY REFERENCES users (id),
    sealed_secret TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- NULL until the person proved their app shows the right codes.
    confirmed_at BIGINT,
    -- A code is accepted once: the time step of the last one used.
    last_used_step BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id),
    code_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX recovery_codes_by_user ON recovery_codes (user_id);

-- A lost second factor is reset only when two coordinators agree: one asks, another
-- confirms.
CREATE TABLE second_factor_resets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id),
    requested_by BIGINT NOT NULL REFERENCES users (id),
    requested_at BIGINT NOT NULL,
    confirmed_by BIGINT REFERENCES users (id),
    confirmed_at BIGINT
);
CREATE INDEX second_factor_resets_by_user ON second_factor_resets (user_id);

-- A session starts 'full', or waits for the second factor ('second_factor'), or may only
-- set one up ('enrol'). second_factor_at is when the factor was last given: the
-- sensitive actions ask for it again after a few minutes.
ALTER TABLE sessions ADD COLUMN stage TEXT NOT NULL DEFAULT 'full'
    CHECK (stage IN ('full', 'second_factor', 'enrol'));
ALTER TABLE sessions ADD COLUMN second_factor_at BIGINT;
