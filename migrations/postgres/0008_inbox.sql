-- Each organisation promises to answer a message within so many working days.
ALTER TABLE organisations ADD COLUMN response_promise_days BIGINT NOT NULL DEFAULT 2;
