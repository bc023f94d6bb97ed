-- A password set with a reset code is announced at the next sign-in: "your password was
-- changed on … with a code from …", so someone whose account was taken over hears of it.
ALTER TABLE users ADD COLUMN password_reset_at BIGINT;
ALTER TABLE users ADD COLUMN password_reset_by BIGINT REFERENCES users (id);
