-- One migration set for SQLite and PostgreSQL; ${id_column} is the only dialect difference
-- (SQLite: INTEGER PRIMARY KEY AUTOINCREMENT, PostgreSQL: BIGSERIAL PRIMARY KEY).
CREATE TABLE questions (
  id ${id_column},
  asked_at BIGINT NOT NULL,
  surface VARCHAR(16) NOT NULL,
  guild_id VARCHAR(32),
  channel_id VARCHAR(32),
  thread_id VARCHAR(32),
  user_id VARCHAR(64) NOT NULL,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  citations TEXT NOT NULL,
  abstained BOOLEAN NOT NULL,
  answerer VARCHAR(64) NOT NULL,
  latency_ms BIGINT NOT NULL
);
CREATE INDEX questions_asked_at ON questions (asked_at);
CREATE INDEX questions_user ON questions (user_id);
CREATE INDEX questions_thread ON questions (thread_id);
