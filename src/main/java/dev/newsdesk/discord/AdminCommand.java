package dev.newsdesk.discord;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * A command for the configured admin roles only (/reindex, /insights, /sources): registered for server managers,
 * in guilds only, not bound by the channel and role allow-lists (an admin can run it anywhere), and refused with
 * one ephemeral sentence to anyone without an admin role. Held here once so a new admin command cannot forget a step.
 */
abstract class AdminCommand implements SlashCommand {
    private final AccessPolicy access;
    private final String refusal;

    /** @param refusal what a non-admin is told, e.g. "Only members with an admin role can reindex." */
    AdminCommand(AccessPolicy access, String refusal) {
        this.access = access;
        this.refusal = refusal;
    }

    /** The registration every admin command starts from: managers see it by default, guilds only. */
    static SlashCommandData adminSlash(String name, String description) {
        return Commands.slash(name, description)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public final boolean usesAllowLists() {
        return false;
    }

    @Override
    public final void handle(GenericCommandInteractionEvent event) {
        if (!access.isAdmin(event.getMember())) {
            Replies.ephemeral(event, refusal);
            return;
        }
        handleAdmin(event);
    }

    /** Handles an invocation by a member with an admin role. */
    abstract void handleAdmin(GenericCommandInteractionEvent event);
}
