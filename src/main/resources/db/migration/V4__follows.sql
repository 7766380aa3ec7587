-- /follow TOPIC [outlet]: a channel's subscription to new coverage of a topic. One row per channel, topic and outlet;
-- last_posted_at (ms) spaces the digests. Deleted with the user who created it (forget) or by /unfollow.
CREATE TABLE follows (
  id ${id_column},
  guild_id VARCHAR(32) NOT NULL,
  channel_id VARCHAR(32) NOT NULL,
  topic VARCHAR(200) NOT NULL,
  outlet VARCHAR(200) NOT NULL,
  created_by VARCHAR(64) NOT NULL,
  created_at BIGINT NOT NULL,
  last_posted_at BIGINT NOT NULL,
  UNIQUE (channel_id, topic, outlet)
);
CREATE INDEX follows_channel ON follows (channel_id);
CREATE INDEX follows_user ON follows (created_by);
