package dev.newsdesk.discord;

import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.store.FollowRepository.Follow;
import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/** {@code /follow}, {@code /unfollow} and {@code /following}: a channel's subscriptions to new coverage of a topic. */
final class FollowCommands {
    static final int MAX_TOPIC = 100;
    /** Subscriptions one channel may hold: each costs a search per batch of new articles. */
    static final int MAX_PER_CHANNEL = 25;

    private FollowCommands() {
    }

    /** {@code /follow topic [outlet]}: new coverage of the topic is posted here as a short cited digest. */
    record Subscribe(Interactions interactions, Catalog outlets) implements SlashCommand {
        @Override
        public CommandData data() {
            return Commands.slash("follow", "Post a short cited digest here when new coverage of a topic arrives")
                    .addOptions(new OptionData(OptionType.STRING, "topic", "What to follow, e.g. interest rates", true)
                            .setMaxLength(MAX_TOPIC), CommandOptions.outlet())
                    .setContexts(InteractionContextType.GUILD);
        }

        @Override
        public void handle(GenericCommandInteractionEvent event) {
            String topic = CommandOptions.topic(event, "follow");
            String outlet = CommandOptions.text(event, "outlet");
            String channel = event.getChannel().getId();
            String guild = event.getGuild() == null ? "" : event.getGuild().getId();
            String user = event.getUser().getId();
            interactions.quickEphemeral(event, () -> {
                var current = interactions.log().following(channel);
                if (current.isEmpty()) return Replies.textEmbed(null, FeedbackButtons.UNAVAILABLE);
                if (current.get().size() >= MAX_PER_CHANNEL) {
                    return Replies.textEmbed(null, "This channel follows " + MAX_PER_CHANNEL + " topics already; /unfollow one first.");
                }
                Instant now = Instant.now();
                var added = interactions.log().follow(new Follow(0, guild, channel, topic, outlet, user, now, Instant.EPOCH));
                if (added.isEmpty()) return Replies.textEmbed(null, FeedbackButtons.UNAVAILABLE);
                String what = "“" + topic + "”" + (outlet == null || outlet.isBlank() ? "" : " from " + outlet);
                return Replies.textEmbed(null, added.get()
                        ? "Following " + what + " here: new coverage is posted in this channel as a short cited digest, at most once an hour per topic. /unfollow to stop."
                        : "This channel already follows " + what + ".");
            });
        }

        @Override
        public void autocomplete(CommandAutoCompleteInteractionEvent event) {
            event.replyChoices(CommandOptions.outletChoices(outlets, event.getFocusedOption().getValue())).queue();
        }
    }

    /** {@code /unfollow topic}. */
    record Unfollow(Interactions interactions) implements SlashCommand {
        @Override
        public CommandData data() {
            return Commands.slash("unfollow", "Stop posting new coverage of a topic here")
                    .addOptions(new OptionData(OptionType.STRING, "topic", "The topic, as /following lists it", true)
                            .setMaxLength(MAX_TOPIC))
                    .setContexts(InteractionContextType.GUILD);
        }

        @Override
        public void handle(GenericCommandInteractionEvent event) {
            String topic = CommandOptions.topic(event, "unfollow");
            String channel = event.getChannel().getId();
            interactions.quickEphemeral(event, () -> {
                var removed = interactions.log().unfollow(channel, topic);
                if (removed.isEmpty()) return Replies.textEmbed(null, FeedbackButtons.UNAVAILABLE);
                return Replies.textEmbed(null, removed.getAsInt() > 0
                        ? "Stopped following “" + topic + "” here."
                        : "This channel does not follow “" + topic + "”; /following lists what it follows.");
            });
        }
    }

    /** {@code /following}: what this channel follows. */
    record Following(Interactions interactions) implements SlashCommand {
        @Override
        public CommandData data() {
            return Commands.slash("following", "List the topics this channel follows")
                    .setContexts(InteractionContextType.GUILD);
        }

        @Override
        public void handle(GenericCommandInteractionEvent event) {
            String channel = event.getChannel().getId();
            interactions.quickEphemeral(event, () -> {
                var follows = interactions.log().following(channel);
                if (follows.isEmpty()) return Replies.textEmbed(null, FeedbackButtons.UNAVAILABLE);
                if (follows.get().isEmpty()) return Replies.textEmbed(null, "This channel follows no topic; /follow TOPIC starts one.");
                StringBuilder sb = new StringBuilder();
                for (Follow f : follows.get()) {
                    sb.append("• ").append(f.topic()).append(f.outlet().isEmpty() ? "" : " (" + f.outlet() + ")")
                            .append(f.lastPostedAt().equals(Instant.EPOCH) ? " — no digest yet" : " — last digest " + f.lastPostedAt())
                            .append('\n');
                }
                return Replies.textEmbed("Followed here", sb.toString());
            });
        }
    }

}
