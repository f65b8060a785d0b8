using System.Text.RegularExpressions;

namespace ResearchBot.Answering.Condensing;

/// <summary>
/// Reads the question out of a condenser reply, whatever a chatty model wraps around it: a preamble line or prefix
/// ("Sure! Here is the standalone question:"), a label ("Standalone question:"), quotes, Markdown emphasis, tags,
/// or an explanation after it.
/// </summary>
public static partial class CondensedReply
{
    /// <summary>The question in <paramref name="reply"/>, or null when there is none.</summary>
    public static string? Parse(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply)) return null;
        var candidates = new List<string>();
        foreach (var raw in reply.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var line = Clean(raw);
            var colon = line.IndexOf(':');
            while (colon > 0 && Label().IsMatch(line[..colon].Trim().TrimEnd('!', '.', ',')))
            {
                line = Clean(line[(colon + 1)..]);
                colon = line.IndexOf(':');
            }
            if (line.Length == 0 || line.EndsWith(':') || (Courtesy().IsMatch(line) && !line.Contains('?')) || Aside().IsMatch(line)) continue;
            candidates.Add(line);
        }
        return candidates.FirstOrDefault(c => c.EndsWith('?')) ?? candidates.FirstOrDefault();
    }

    private static string Clean(string text)
    {
        var t = Tags().Replace(text, "").Trim();
        t = t.TrimStart('>', '-', '*', '#', ' ', '\t').Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Trim();
        return t.Trim('"', '\'', '`', '“', '”', '‘', '’', '«', '»', ' ', '\t');
    }

    // What comes before a colon that only introduces the question: "Sure! Here is the standalone question", "Rewritten question", "Question".
    [GeneratedRegex(@"^(?:(?:sure|certainly|okay|ok|of course|absolutely|great|got it|here)\b[^?]*|(?:the\s+|my\s+)?(?:standalone|rewritten|rephrased|reformulated|final|new|follow-up|resulting)?\s*(?:question|query|output|answer|rewrite)(?:\s+(?:is|would be))?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    // A line that is only politeness ("Sure!", "Here you go.", "Certainly, here it is").
    [GeneratedRegex(@"^(?:sure|certainly|okay|ok|of course|absolutely|great|got it|here(?:'s| is| you go| it is)?)\b(?!-)|^i (?:have )?rewr", RegexOptions.IgnoreCase)]
    private static partial Regex Courtesy();

    // A remark about the rewrite rather than the question: "(I replaced 'it' with …)", "Note: …", "Explanation: …".
    [GeneratedRegex(@"^\(.*\)$|^(?:note|explanation|reasoning)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Aside();

    [GeneratedRegex(@"</?[a-zA-Z_][\w-]*>")]
    private static partial Regex Tags();
}
