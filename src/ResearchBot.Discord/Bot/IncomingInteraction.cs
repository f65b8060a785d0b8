using System.Text.Json;

namespace ResearchBot.Discord.Bot;

/// <summary>The parts of an INTERACTION_CREATE the bot uses: a slash command and its options, a button click, an autocomplete request.</summary>
public sealed record IncomingInteraction(
    string Id, string Token, int Type, string ApplicationId, string? ChannelId, string UserId, string CommandName, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>Type 2: an application (slash) command.</summary>
    public bool IsCommand => Type == 2;

    /// <summary>Type 3: a click on a button (message component).</summary>
    public bool IsComponent => Type == 3;

    /// <summary>Type 4: an autocomplete request while an option is typed.</summary>
    public bool IsAutocomplete => Type == 4;

    /// <summary>The server, or null in a DM.</summary>
    public string? GuildId { get; init; }

    /// <summary>The member's permissions in the channel (bit set); all permissions in a DM.</summary>
    public ulong Permissions { get; init; } = ulong.MaxValue;

    /// <summary>For a click: the button's custom_id.</summary>
    public string? CustomId { get; init; }

    /// <summary>For a click: the message the button is on.</summary>
    public string? MessageId { get; init; }

    /// <summary>For autocomplete: the option being typed.</summary>
    public string? FocusedOption { get; init; }

    /// <summary>True when the member has every bit of <paramref name="permission"/>.</summary>
    public bool Has(ulong permission) => (Permissions & permission) == permission;

    public string? Option(string name) => Options.TryGetValue(name, out var v) ? v : null;

    /// <summary>True when the member may manage the server (Manage Server or Administrator).</summary>
    public bool CanManageServer => GuildId is not null && (Permissions & (ManageGuild | Administrator)) != 0;

    private const ulong Administrator = 1UL << 3;
    private const ulong ManageGuild = 1UL << 5;

    public static IncomingInteraction Parse(JsonElement d)
    {
        var user = d.TryGetProperty("member", out var member) && member.TryGetProperty("user", out var mu) ? mu : d.GetProperty("user");
        var options = new Dictionary<string, string>();
        var name = "";
        string? customId = null, focused = null;
        if (d.TryGetProperty("data", out var data))
        {
            name = data.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
            customId = data.TryGetProperty("custom_id", out var cid) ? cid.GetString() : null;
            if (data.TryGetProperty("options", out var opts) && opts.ValueKind == JsonValueKind.Array)
                foreach (var o in opts.EnumerateArray())
                {
                    var value = o.GetProperty("value");
                    var optionName = o.GetProperty("name").GetString()!;
                    options[optionName] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                    if (o.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True) focused = optionName;
                }
        }
        var permissions = d.TryGetProperty("member", out var m) && m.TryGetProperty("permissions", out var p) && ulong.TryParse(p.GetString(), out var bits)
            ? bits : ulong.MaxValue;
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
            Permissions = permissions,
            CustomId = customId,
            MessageId = d.TryGetProperty("message", out var msg) && msg.TryGetProperty("id", out var mid) ? mid.GetString() : null,
            FocusedOption = focused,
        };
    }
}
