-- Each organisation promises to answer a message within so many working days.
ALTER TABLE organisations ADD COLUMN response_promise_days BIGINT NOT NULL DEFAULT 2;

-- A worker who is away names a colleague of their organisation to stand in until a date.
CREATE TABLE away_periods (
    user_id BIGINT PRIMARY KEY REFERENCES users (id),
    until_at BIGINT NOT NULL,
    stand_in_user_id BIGINT NOT NULL REFERENCES users (id),
    set_at BIGINT NOT NULL
);

-- A stand-in joins the away worker's conversations; the row gives access only while the
-- away period lasts and the away worker is still in the circle.
ALTER TABLE conversation_members ADD COLUMN standing_in_for BIGINT REFERENCES users (id);
