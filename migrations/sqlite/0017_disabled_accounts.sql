-- A coordinator disables an account when someone leaves: from then on it cannot sign in
-- and all its sessions and tokens are ended. Nothing is deleted: what the person did stays
-- in the history, under their name.
ALTER TABLE users ADD COLUMN disabled_at BIGINT;
