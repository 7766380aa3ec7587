-- One vote per user per answer: the primary key makes a second press an update, not a second row.
CREATE TABLE votes (
  question_id BIGINT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
  user_id VARCHAR(64) NOT NULL,
  vote SMALLINT NOT NULL,
  voted_at BIGINT NOT NULL,
  PRIMARY KEY (question_id, user_id)
);
CREATE TABLE citation_reports (
  id ${id_column},
  question_id BIGINT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
  user_id VARCHAR(64) NOT NULL,
  citation INTEGER NOT NULL,
  reason TEXT,
  reported_at BIGINT NOT NULL
);
CREATE INDEX votes_user ON votes (user_id);
CREATE INDEX citation_reports_question ON citation_reports (question_id);
CREATE INDEX citation_reports_user ON citation_reports (user_id);
