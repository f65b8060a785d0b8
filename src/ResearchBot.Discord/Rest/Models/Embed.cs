using System.Text.Json.Serialization;
using ResearchBot.Display;

namespace ResearchBot.Discord.Rest.Models;

/// <summary>A rich embed (see <see cref="EmbedLimits"/>). Its texts never carry control characters (<see cref="DisplayText"/>).</summary>
public sealed record Embed(
    string? Title = null,
    string? Description = null,
    [property: JsonPropertyName("url")] string? Url = null,
    [property: JsonPropertyName("footer")] EmbedFooter? Footer = null)
{
    [JsonPropertyName("title")]
    public string? Title { get; init => field = DisplayText.CleanOrNull(value); } = DisplayText.CleanOrNull(Title);

    [JsonPropertyName("description")]
    public string? Description { get; init => field = DisplayText.CleanOrNull(value); } = DisplayText.CleanOrNull(Description);
}

/// <summary>An embed's footer.</summary>
public sealed record EmbedFooter(string Text)
{
    [JsonPropertyName("text")]
    public string Text { get; init => field = DisplayText.Clean(value); } = DisplayText.Clean(Text);
}
