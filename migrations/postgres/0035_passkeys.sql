-- Passkeys (WebAuthn): the staff's other second factor, beside the authenticator app. A
-- passkey holds only a public key and a signature counter, so it is kept as it is (as
-- webauthn-rs's JSON); the credential id is unique across all accounts. sign_count is
-- the authenticator's counter at its last use: an answer must count higher (or both stay
-- at zero, for authenticators without one), so a copied key shows itself.
CREATE TABLE passkeys (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    credential_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    passkey TEXT NOT NULL,
    sign_count BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX passkeys_by_user ON passkeys (user_id);

-- A ceremony's challenge between its two requests, one per session: kept on the server so
-- that an answer is accepted once, for the session that asked, within a few minutes.
CREATE TABLE passkey_ceremonies (
    session_id BIGINT PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('register', 'authenticate')),
    state TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
