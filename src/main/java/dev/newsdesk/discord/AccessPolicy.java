package dev.newsdesk.discord;

import java.util.Collection;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;

/**
 * Who may use the bot where: the channel and role allow-lists (empty = everyone, everywhere; a thread counts as
 * its parent channel) and the admin roles for /reindex (empty = nobody). Stateless apart from the settings.
 */
final class AccessPolicy {
    static final String NOT_ALLOWED_CHANNEL = "I don't answer questions in this channel.";
    static final String NOT_ALLOWED_ROLE = "You need one of the allowed roles to use this bot.";
    private final DiscordSettings settings;

    AccessPolicy(DiscordSettings settings) {
        this.settings = settings;
    }

    /** Null when the member may use the bot in this channel, else the (ephemeral) reason. */
    String denied(Member member, Channel channel) {
        if (!settings.allowedChannelIds().isEmpty() && !channelAllowed(channel)) return NOT_ALLOWED_CHANNEL;
        if (!settings.allowedRoleIds().isEmpty() && !hasAnyRole(member, settings.allowedRoleIds())) return NOT_ALLOWED_ROLE;
        return null;
    }

    boolean isAdmin(Member member) {
        return !settings.adminRoleIds().isEmpty() && hasAnyRole(member, settings.adminRoleIds());
    }

    private boolean channelAllowed(Channel channel) {
        if (channel == null) return false;
        if (settings.allowedChannelIds().contains(channel.getIdLong())) return true;
        return channel instanceof ThreadChannel t && settings.allowedChannelIds().contains(t.getParentChannel().getIdLong());
    }

    private static boolean hasAnyRole(Member member, Collection<Long> roles) {
        if (member == null) return false;
        for (Role r : member.getRoles()) if (roles.contains(r.getIdLong())) return true;
        return false;
    }
}
