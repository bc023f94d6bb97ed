-- A push subscription belongs to the session (browser or phone app) that made it and ends
-- with it: no notice reaches a phone after its person signed out there, left quickly, or
-- was signed out everywhere. Subscriptions made before this knew no session, so nothing
-- can tell when theirs ended; they are dropped, and the device subscribes again the next
-- time its person turns notices on.
DELETE FROM push_subscriptions;
ALTER TABLE push_subscriptions ADD COLUMN session_id BIGINT NOT NULL REFERENCES sessions (id);
CREATE INDEX push_subscriptions_by_session ON push_subscriptions (session_id);
