-- login's ceiling: the user by e-mail (the unique lower(email) index). The server also checks the
-- password with bcrypt, which this SQL cannot include: see docs/benchmarks.md.
\set u random(:token_first, :token_last)
SELECT id, email, name, password_hash, created_at, updated_at
  FROM users WHERE lower(email) = 'u' || :u || '@bench.test';
