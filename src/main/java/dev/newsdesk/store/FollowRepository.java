package dev.newsdesk.store;

import java.time.Instant;
import java.util.List;

/** Channels following a topic's new coverage ({@code /follow}). Thread-safe; each method is one short transaction. */
public interface FollowRepository {

  /**
   * One subscription. {@code outlet} is empty for "any outlet"; topics are stored as given, matched case-insensitively.
   */
  record Follow(long id, String guildId, String channelId, String topic, String outlet, String createdBy,
                Instant createdAt, Instant lastPostedAt) {
    public Follow {
      if (topic == null || topic.isBlank()) {
        throw new IllegalArgumentException("the topic to follow is empty; say what to follow, e.g. /follow interest rates");
      }
      outlet = outlet == null ? "" : outlet.strip();
      topic = topic.strip();
    }
  }

  /** Adds the subscription; false when the channel already follows this topic (and outlet). */
  boolean follow(Follow follow);

  /** Removes the channel's subscriptions to the topic (any outlet); returns how many. */
  int unfollow(String channelId, String topic);

  /** The channel's subscriptions, oldest first. */
  List<Follow> inChannel(String channelId);

  /** Every subscription, oldest first (the digests go through them when new coverage arrives). */
  List<Follow> all();

  /** Records that a digest was posted for the subscription. */
  void posted(long followId, Instant at);

  /** Deletes the subscriptions a user created; returns how many. */
  int forgetUser(String userId);
}
