-- Insights read asked_at, abstained, latency_ms and channel_id of every question in a period: a covering index lets
-- SQLite and PostgreSQL answer from the index alone. Abstained questions by time serve the coverage gaps.
CREATE INDEX questions_insights ON questions (asked_at, abstained, latency_ms, channel_id);
CREATE INDEX questions_abstained ON questions (abstained, asked_at);
