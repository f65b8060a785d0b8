using System.Globalization;
using System.Text;
using ResearchBot.BotState;
using ResearchBot.Discord.Bot;
using ResearchBot.Discord.Rest.Models;

namespace ResearchBot.Discord.Guilds;

/// <summary>
/// <c>/settings</c>: members with Manage Server set the server's digest channel, time, time zone, interests and daily
/// token budget; without options it shows them. Each given option changes only that setting.
/// </summary>
public sealed class SettingsCommand(ServerSettings settings)
{
    public const string Name = "settings";
    private const int MaxInterests = 20;
    private const int MaxInterestLength = 100;

    /// <summary>The command's definition: visible to members with Manage Server only.</summary>
    public static ApplicationCommand Definition { get; } = new(Name, "Server settings: digest channel, time, time zone, interests, daily token budget",
        [
            new CommandOption("digest_channel", "The channel the daily digest is posted to", Required: false, CommandOption.Channel),
            new CommandOption("digest", "Post the daily digest (false turns it off)", Required: false, CommandOption.Boolean),
            new CommandOption("time", "The time of the digest, as HH:MM (24-hour)", Required: false),
            new CommandOption("timezone", "The time zone of the digest time, e.g. Europe/Berlin", Required: false),
            new CommandOption("interests", "Topics the digest ranks first, comma-separated ('none' clears them)", Required: false),
            new CommandOption("token_budget", "Language-model tokens the server may use per day (0: no limit)", Required: false, CommandOption.Integer),
        ])
    {
        DefaultMemberPermissions = "32",
    };

    public async Task HandleAsync(IncomingInteraction interaction, IReplyTarget reply, CancellationToken cancellationToken)
    {
        if (interaction.GuildId is not { } guildId)
        {
            await reply.NoticeAsync("Settings belong to a server: use /settings in one.", cancellationToken);
            return;
        }
        if (!interaction.CanManageServer)
        {
            await reply.NoticeAsync("Only members with the Manage Server permission can see or change these settings.", cancellationToken);
            return;
        }
        var current = await settings.GetAsync(guildId, cancellationToken);
        var (updated, problem) = Apply(current, interaction);
        if (problem is not null) { await reply.NoticeAsync(problem, cancellationToken); return; }
        var changed = updated != current;
        if (changed) await settings.SaveAsync(updated, cancellationToken);
        await reply.DeliverAsync(Describe(updated, changed), null, cancellationToken);
    }

    /// <summary>The settings with the interaction's options applied, or the first problem with them.</summary>
    internal static (GuildSettings Settings, string? Problem) Apply(GuildSettings settings, IncomingInteraction interaction)
    {
        if (interaction.Option("digest_channel") is { } channel)
        {
            if (!ulong.TryParse(channel, out _)) return (settings, "Please pick a channel for digest_channel.");
            settings = settings with { DigestChannelId = channel };
        }
        if (interaction.Option("digest") is "false") settings = settings with { DigestChannelId = null };
        if (interaction.Option("time") is { } time)
        {
            if (!TimeOnly.TryParseExact(time.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                return (settings, $"'{Shorten(time)}' is not a time: give it as HH:MM, e.g. 08:30.");
            settings = settings with { DigestTime = at };
        }
        if (interaction.Option("timezone") is { } zone)
        {
            try { settings = settings with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone.Trim()).Id }; }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                return (settings, $"'{Shorten(zone)}' is not a time zone I know: use an IANA name such as Europe/Berlin or America/New_York.");
            }
        }
        if (interaction.Option("interests") is { } interests)
        {
            var list = interests.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)
                ? []
                : interests.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (list.Count > MaxInterests || list.Any(i => i.Length > MaxInterestLength))
                return (settings, $"Please give at most {MaxInterests} interests of at most {MaxInterestLength} characters each.");
            settings = settings with { Interests = list };
        }
        if (interaction.Option("token_budget") is { } budget)
        {
            if (!long.TryParse(budget, NumberStyles.Integer, CultureInfo.InvariantCulture, out var tokens) || tokens < 0)
                return (settings, "The token budget is a whole number of tokens, 0 for no limit.");
            settings = settings with { DailyTokenBudget = tokens };
        }
        return (settings, null);
    }

    private static string Describe(GuildSettings s, bool changed)
    {
        var text = new StringBuilder(changed ? "Saved. This server's settings:\n" : "This server's settings:\n");
        text.Append("- Digest: ").Append(s.DigestChannelId is { } c ? $"<#{c}>" : "off (set digest_channel to turn it on)").Append('\n');
        text.Append("- Time: ").Append(s.DigestTime?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "the bot's default").Append('\n');
        text.Append("- Time zone: ").Append(s.TimeZone ?? "the bot's default").Append('\n');
        text.Append("- Interests: ").Append(s.Interests is null ? "the bot's default" : s.Interests.Count == 0 ? "none" : string.Join(", ", s.Interests)).Append('\n');
        text.Append("- Daily token budget: ").Append(s.DailyTokenBudget switch { null => "the bot's default", 0 => "no limit", var n => $"{n:N0} tokens" });
        return text.ToString();
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
