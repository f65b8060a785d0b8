using System.Text.Json.Serialization;

namespace ResearchBot.Discord.Rest.Models;

/// <summary>A rich embed (see <see cref="EmbedLimits"/>).</summary>
public sealed record Embed(
    [property: JsonPropertyName("title")] string? Title = null,
    [property: JsonPropertyName("description")] string? Description = null,
    [property: JsonPropertyName("url")] string? Url = null,
    [property: JsonPropertyName("footer")] EmbedFooter? Footer = null);

/// <summary>An embed's footer.</summary>
public sealed record EmbedFooter([property: JsonPropertyName("text")] string Text);
