-- Undoes V3: conversations and messages, with their triggers and functions.
DROP TABLE messages;
DROP FUNCTION taskline_keep_created_at();
DROP FUNCTION taskline_touch_conversation();
DROP TABLE conversations;
