-- Being forgotten: a person's request to be erased and a coordinator's answer. On
-- confirmation the dates on which the account data and what the person wrote are erased
-- are fixed from the retention settings of that moment; the hourly run does the erasing
-- and notes when each part was done.
CREATE TABLE erasure_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id),
    reason TEXT NOT NULL,
    requested_at BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('asked', 'confirmed', 'declined', 'done')),
    answered_by BIGINT REFERENCES users (id),
    answered_at BIGINT,
    explanation TEXT NOT NULL DEFAULT '',
    erase_account_at BIGINT,
    erase_writings_at BIGINT,
    account_erased_at BIGINT,
    writings_erased_at BIGINT
);
-- One request at a time per person, until it is answered no or done.
CREATE UNIQUE INDEX erasure_requests_open ON erasure_requests (user_id) WHERE status IN ('asked', 'confirmed');
CREATE INDEX erasure_requests_by_status ON erasure_requests (status, id);
