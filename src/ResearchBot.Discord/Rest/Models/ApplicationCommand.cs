using System.Text.Json.Serialization;

namespace ResearchBot.Discord.Rest.Models;

/// <summary>A slash command definition.</summary>
public sealed record ApplicationCommand(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("options")] IReadOnlyList<CommandOption> Options,
    /// <summary>The permission bits a member needs to see the command (Discord hides it from others); null: everyone.</summary>
    [property: JsonPropertyName("default_member_permissions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DefaultMemberPermissions = null)
{
    [JsonPropertyName("type")]
    public int Type => 1;
}

/// <summary>A slash command option of one of the types below (3, a string, by default).</summary>
public sealed record CommandOption(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("required")] bool Required,
    [property: JsonPropertyName("type")] int Type = CommandOption.String,
    [property: JsonPropertyName("autocomplete")] bool? Autocomplete = null)
{
    public const int String = 3;
    public const int Integer = 4;
    public const int Boolean = 5;
    public const int Channel = 7;
}
