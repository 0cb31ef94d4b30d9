-- append_message's ceiling: the server's INSERT ... SELECT ... FOR UPDATE on the conversation
-- (conversation u-1 of token user u), one statement in its own transaction; the trigger moves the
-- conversation's updated_at.
\set u random(:token_first, :token_last)
\set c :u - 1
INSERT INTO messages (conversation_id, user_id, role, content)
SELECT id, user_id, 'user', 'Benchmark message: a sentence or two, the size of a short chat turn.'
  FROM conversations WHERE user_id = :u AND id = :c FOR UPDATE
RETURNING id, conversation_id, user_id, role, content, created_at;
