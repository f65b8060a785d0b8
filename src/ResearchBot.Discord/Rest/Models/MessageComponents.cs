using System.Text.Json.Serialization;
using ResearchBot.Display;

namespace ResearchBot.Discord.Rest.Models;

/// <summary>A row of buttons (component type 1); at most <see cref="ComponentLimits.ButtonsPerRow"/>.</summary>
public sealed record ActionRow
{
    public ActionRow(IReadOnlyList<Button> buttons)
    {
        if (buttons.Count is 0 or > ComponentLimits.ButtonsPerRow)
            throw new ArgumentException($"An action row holds 1 to {ComponentLimits.ButtonsPerRow} buttons, not {buttons.Count}", nameof(buttons));
        Components = buttons;
    }

    [JsonPropertyName("type")]
    public int Type => 1;

    [JsonPropertyName("components")]
    public IReadOnlyList<Button> Components { get; }

    /// <summary>The rows, checked against <see cref="ComponentLimits.Rows"/>.</summary>
    public static IReadOnlyList<ActionRow> Rows(params IReadOnlyList<Button>[] rows)
    {
        var list = rows.Where(r => r.Count > 0).Select(r => new ActionRow(r)).ToList();
        if (list.Count > ComponentLimits.Rows) throw new ArgumentException($"A message holds at most {ComponentLimits.Rows} action rows, not {list.Count}", nameof(rows));
        return list;
    }
}

/// <summary>A button (component type 2) that sends an interaction with its <see cref="CustomId"/>.</summary>
public sealed record Button
{
    public const int Primary = 1;
    public const int Secondary = 2;

    public Button(string label, string customId, int style = Secondary, bool disabled = false)
    {
        if (customId.Length is 0 or > ComponentLimits.CustomId)
            throw new ArgumentException($"A custom_id has 1 to {ComponentLimits.CustomId} characters, not {customId.Length}", nameof(customId));
        label = DisplayText.Clean(label);
        Label = label.Length > ComponentLimits.Label ? label[..(ComponentLimits.Label - 1)] + "…" : label;
        CustomId = customId;
        Style = style;
        Disabled = disabled;
    }

    [JsonPropertyName("type")]
    public int Type => 2;

    [JsonPropertyName("style")]
    public int Style { get; }

    [JsonPropertyName("label")]
    public string Label { get; }

    [JsonPropertyName("custom_id")]
    public string CustomId { get; }

    [JsonPropertyName("disabled")]
    public bool Disabled { get; }
}

/// <summary>Discord's component limits.</summary>
public static class ComponentLimits
{
    public const int Rows = 5;
    public const int ButtonsPerRow = 5;
    public const int CustomId = 100;
    public const int Label = 80;
    public const int AutocompleteChoices = 25;
    public const int ChoiceName = 100;
    public const int ChoiceValue = 100;
}

/// <summary>A file sent with a message (multipart upload).</summary>
public sealed record FileAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>One autocomplete suggestion.</summary>
public sealed record AutocompleteChoice
{
    public AutocompleteChoice(string name, string value)
    {
        name = DisplayText.Clean(name);
        Name = name.Length > ComponentLimits.ChoiceName ? name[..(ComponentLimits.ChoiceName - 1)] + "…" : name;
        Value = value.Length > ComponentLimits.ChoiceValue ? value[..ComponentLimits.ChoiceValue] : value;
    }

    [JsonPropertyName("name")]
    public string Name { get; }

    [JsonPropertyName("value")]
    public string Value { get; }
}

/// <summary>The data of an autocomplete response (interaction response type 8).</summary>
public sealed record AutocompleteResult([property: JsonPropertyName("choices")] IReadOnlyList<AutocompleteChoice> Choices);
