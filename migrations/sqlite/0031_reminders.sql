-- Reminders of appointments that always arrive. Each person chooses when to be reminded:
-- the evening before, the morning of, or not at all. Due reminders are kept here, not in a
-- process's memory, so a restart or a crash loses none; a process claims a reminder for a
-- while before it sends (so two processes never send the same one), and marks it sent.
ALTER TABLE users ADD COLUMN remind_appointments TEXT NOT NULL DEFAULT 'day_before'
    CHECK (remind_appointments IN ('day_before', 'morning_of', 'never'));

CREATE TABLE reminders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    appointment_id BIGINT NOT NULL REFERENCES appointments (id),
    kind TEXT NOT NULL CHECK (kind IN ('day_before', 'morning_of')),
    due_at BIGINT NOT NULL,
    claimed_until BIGINT NOT NULL DEFAULT 0,
    sent_at BIGINT
);
CREATE INDEX reminders_due ON reminders (due_at) WHERE sent_at IS NULL;
CREATE INDEX reminders_by_appointment ON reminders (appointment_id);

-- Who has had a reminder: a process that stops half-way through one does not send it again
-- to the people it already reached.
CREATE TABLE reminder_deliveries (
    reminder_id BIGINT NOT NULL REFERENCES reminders (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (reminder_id, user_id)
);
