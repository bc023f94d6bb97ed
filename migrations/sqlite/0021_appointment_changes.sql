-- Appointments change honestly: a move (time or place) and a cancellation keep their
-- reason, and the participant can say she cannot come, with hers. The people who see the
-- appointment read every change.
ALTER TABLE appointments ADD COLUMN cancelled_at BIGINT;
CREATE TABLE appointment_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    appointment_id BIGINT NOT NULL REFERENCES appointments (id),
    kind TEXT NOT NULL CHECK (kind IN ('moved', 'cancelled', 'cannot_come')),
    old_starts_at TEXT,
    new_starts_at TEXT,
    old_place TEXT,
    new_place TEXT,
    reason TEXT NOT NULL,
    changed_by BIGINT NOT NULL REFERENCES users (id),
    changed_at BIGINT NOT NULL
);
CREATE INDEX appointment_changes_by_appointment ON appointment_changes (appointment_id, id);
