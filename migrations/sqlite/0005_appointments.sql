-- Appointments: visits, meetings, hearings. Times are local Belgian time (Europe/Brussels).

CREATE TABLE appointments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    starts_at TEXT NOT NULL,
    duration_minutes BIGINT NOT NULL,
    mode TEXT NOT NULL,
    place TEXT NOT NULL,
    with_whom TEXT NOT NULL,
    purpose TEXT NOT NULL,
    what_to_bring TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX appointments_by_case ON appointments (case_id, starts_at);
