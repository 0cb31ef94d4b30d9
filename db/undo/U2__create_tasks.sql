-- Undoes V2: tasks and the version trigger function.
DROP TABLE tasks;
DROP FUNCTION taskline_bump_version();
