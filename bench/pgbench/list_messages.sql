-- list_messages' ceiling: the first page of the big conversation, oldest first, in one round trip
-- that also tells a foreign or missing conversation (no row) from an empty one (one row of NULLs),
-- which the API must answer 404 and an empty page respectively.
SELECT m.id, m.conversation_id, m.user_id, m.role, m.content, m.created_at
  FROM conversations c
  LEFT JOIN LATERAL (
       SELECT id, conversation_id, user_id, role, content, created_at
         FROM messages
        WHERE user_id = c.user_id AND conversation_id = c.id
        ORDER BY created_at, id LIMIT :page_fetch) m ON true
 WHERE c.user_id = :big_user AND c.id = :big_conversation;
