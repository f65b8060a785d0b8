using ResearchBot.Discord.Rest.Models;

namespace ResearchBot.Discord.Bot;

/// <summary>The bot's slash commands.</summary>
public static class SlashCommands
{
    public static IReadOnlyList<ApplicationCommand> All { get; } =
    [
        new("ask", "Ask a question about the papers; the answer cites them",
            [new CommandOption("question", "Your question", Required: true)]),
        new("search", "Find papers about a topic",
            [new CommandOption("query", "What to look for", Required: true)]),
        new("digest", "The digest of a day's papers",
            [new CommandOption("date", "The day, as YYYY-MM-DD (default: the latest day)", Required: false, Autocomplete: true)]),
        new("paper", "Show one paper",
            [new CommandOption("id", "A number of the last list here, an arXiv id or link, a paper id, or title words", Required: true, Autocomplete: true)]),
        new("subscribe", "Post new papers about a phrase in this channel after each ingest",
            [new CommandOption("phrase", "Words to follow, e.g. KV cache", Required: true)], DefaultMemberPermissions: "16"),
        new("unsubscribe", "Stop following a phrase in this channel",
            [new CommandOption("phrase", "A phrase this channel follows", Required: true, Autocomplete: true)], DefaultMemberPermissions: "16"),
        new("subscriptions", "The phrases this channel follows", []),
        new("feedback", "This server's 👍/👎 on the bot's answers (Manage Server)", [], DefaultMemberPermissions: "32"),
        Guilds.SettingsCommand.Definition,
    ];
}
