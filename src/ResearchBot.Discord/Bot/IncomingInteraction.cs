using System.Text.Json;

namespace ResearchBot.Discord.Bot;

/// <summary>The parts of an INTERACTION_CREATE the bot uses: a slash command and its options.</summary>
public sealed record IncomingInteraction(
    string Id, string Token, int Type, string ApplicationId, string? ChannelId, string UserId, string CommandName, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>Type 2: an application (slash) command.</summary>
    public bool IsCommand => Type == 2;

    public string? Option(string name) => Options.TryGetValue(name, out var v) ? v : null;

    /// <summary>The server the interaction came from; null in a DM.</summary>
    public string? GuildId { get; init; }

    /// <summary>The member's permissions in the channel (Discord's bit set; 0 in a DM).</summary>
    public ulong Permissions { get; init; }

    /// <summary>True when the member may manage the server (Manage Server or Administrator).</summary>
    public bool CanManageServer => (Permissions & (ManageGuild | Administrator)) != 0;

    private const ulong Administrator = 1UL << 3;
    private const ulong ManageGuild = 1UL << 5;

    public static IncomingInteraction Parse(JsonElement d)
    {
        var user = d.TryGetProperty("member", out var member) && member.TryGetProperty("user", out var mu) ? mu : d.GetProperty("user");
        var options = new Dictionary<string, string>();
        var name = "";
        if (d.TryGetProperty("data", out var data))
        {
            name = data.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
            if (data.TryGetProperty("options", out var opts) && opts.ValueKind == JsonValueKind.Array)
                foreach (var o in opts.EnumerateArray())
                {
                    var value = o.GetProperty("value");
                    options[o.GetProperty("name").GetString()!] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                }
        }
        return new IncomingInteraction(
            d.GetProperty("id").GetString()!,
            d.GetProperty("token").GetString()!,
            d.GetProperty("type").GetInt32(),
            d.GetProperty("application_id").GetString()!,
            d.TryGetProperty("channel_id", out var ch) ? ch.GetString() : null,
            user.GetProperty("id").GetString()!,
            name,
            options)
        {
            GuildId = d.TryGetProperty("guild_id", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null,
            Permissions = d.TryGetProperty("member", out var m) && m.TryGetProperty("permissions", out var p) && ulong.TryParse(p.GetString(), out var bits) ? bits : 0,
        };
    }
}
