using System.Text.Json.Serialization;

namespace ResearchBot.Discord.Rest.Models;

/// <summary>Who a message may ping. The bot always uses <see cref="None"/>.</summary>
public sealed record AllowedMentions(
    [property: JsonPropertyName("parse")] IReadOnlyList<string> Parse,
    [property: JsonPropertyName("replied_user")] bool RepliedUser)
{
    /// <summary>Pings nobody: no @everyone/@here, roles, users, nor the author replied to.</summary>
    public static AllowedMentions None { get; } = new([], false);
}
