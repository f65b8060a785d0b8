using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ResearchBot.Papers;

/// <summary>Paper ids: the arXiv id when known, else <c>t-</c> and a hash of the title key.</summary>
public static partial class PaperId
{
    /// <summary>The id for a title when no arXiv id is known: stable across runs and typesettings.</summary>
    public static string FromTitle(string title)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(TitleKey.Of(title)));
        return "t-" + Convert.ToHexStringLower(hash)[..12];
    }

    /// <summary>Extracts a bare arXiv id (<c>2401.12345</c>, or old style <c>cs/0101001</c>) from an id or URL, version dropped.</summary>
    public static string? TryArxiv(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var m = NewStyle().Match(text);
        if (m.Success) return m.Groups[1].Value;
        m = OldStyle().Match(text);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>The arXiv abstract page for an arXiv id, else null.</summary>
    public static string? ArxivUrl(string id) => TryArxiv(id) is { } a && a == id ? $"https://arxiv.org/abs/{a}" : null;

    [GeneratedRegex(@"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])")]
    private static partial Regex NewStyle();

    [GeneratedRegex(@"\b([a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?\b")]
    private static partial Regex OldStyle();
}
