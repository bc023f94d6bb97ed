-- PostgreSQL only: SQLite keeps no statistics unless someone runs ANALYZE.
--
-- Early in a deployment, or in a benchmark, one conversation can hold nearly every
-- message. Sampled as it stands, conversation_id then has a handful of distinct values,
-- and the planner prices "the messages of a conversation" as most of the table: a quiet
-- conversation's page or unread count walked the primary key through the busy one
-- (20-50 ms at 30,000 messages). Conversations in Brug hold tens to thousands of
-- messages each, so the column is told to count one distinct value per hundred rows:
-- a conversation is priced as a small part of the table, and its queries read
-- messages_by_conversation. Values the sample saw often still get their own estimate.
ALTER TABLE messages ALTER COLUMN conversation_id SET (n_distinct = -0.01);
ANALYZE messages;
