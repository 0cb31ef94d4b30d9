-- Undoes V1: users and the shared timestamp trigger function.
DROP TABLE users;
DROP FUNCTION taskline_touch_updated_at();
