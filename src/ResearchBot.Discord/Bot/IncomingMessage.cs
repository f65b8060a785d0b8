using System.Text.Json;

namespace ResearchBot.Discord.Bot;

/// <summary>The parts of a MESSAGE_CREATE the bot uses.</summary>
public sealed record IncomingMessage(string Id, string ChannelId, string? GuildId, string AuthorId, bool AuthorIsBot, string Content, IReadOnlyList<string> MentionIds)
{
    /// <summary>Direct messages carry no guild id.</summary>
    public bool IsDirect => GuildId is null;

    public static IncomingMessage Parse(JsonElement d)
    {
        var author = d.GetProperty("author");
        var mentions = d.TryGetProperty("mentions", out var m) && m.ValueKind == JsonValueKind.Array
            ? m.EnumerateArray().Select(u => u.GetProperty("id").GetString()!).ToArray()
            : [];
        return new IncomingMessage(
            d.GetProperty("id").GetString()!,
            d.GetProperty("channel_id").GetString()!,
            d.TryGetProperty("guild_id", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null,
            author.GetProperty("id").GetString()!,
            author.TryGetProperty("bot", out var bot) && bot.ValueKind == JsonValueKind.True,
            d.TryGetProperty("content", out var c) ? c.GetString() ?? "" : "",
            mentions);
    }
}
