using System.Text.Json.Serialization;

namespace ResearchBot.Discord.Rest.Models;

/// <summary>A slash command definition.</summary>
public sealed record ApplicationCommand(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("options")] IReadOnlyList<CommandOption> Options,
    [property: JsonPropertyName("default_member_permissions")] string? DefaultMemberPermissions = null)
{
    [JsonPropertyName("type")]
    public int Type => 1;
}

/// <summary>A slash command option; type 3 is a string.</summary>
public sealed record CommandOption(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("required")] bool Required,
    [property: JsonPropertyName("type")] int Type = CommandOption.String,
    [property: JsonPropertyName("autocomplete")] bool? Autocomplete = null)
{
    public const int String = 3;
}
