using System.Text.RegularExpressions;

namespace ResearchBot.Discord.Bot;

/// <summary>The question in a message: the bot's mentions removed, whitespace trimmed.</summary>
public static partial class QuestionText
{
    public static string From(string content, string botUserId) =>
        Whitespace().Replace(content.Replace($"<@{botUserId}>", " ").Replace($"<@!{botUserId}>", " "), " ").Trim();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Whitespace();
}
