-- What a participant or family member asks for to be reached well, in their own words,
-- and whether the workers of their circles may see it: they decide, and nobody but they
-- see it until they say so. `day_parts` lists the parts of the day that suit them
-- (morning, afternoon, evening; empty: any time).
CREATE TABLE preferences (
    user_id BIGINT PRIMARY KEY REFERENCES users (id),
    worker_gender TEXT NOT NULL CHECK (worker_gender IN ('no_preference', 'woman', 'man')),
    interpreter_language TEXT NOT NULL,
    day_parts TEXT NOT NULL,
    times_note TEXT NOT NULL,
    contact_by TEXT NOT NULL CHECK (contact_by IN ('no_preference', 'message', 'phone', 'in_person')),
    what_helps TEXT NOT NULL,
    what_to_avoid TEXT NOT NULL,
    shown_to_workers BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
