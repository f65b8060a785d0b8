namespace ResearchBot.Digest;

/// <summary>Fills a draft without a model: theme names from the cluster's distinctive words, one-liners from each paper's contribution sentence.</summary>
public static class OfflineDigestWriter
{
    /// <summary>Fills every name, intro and one-liner of <paramref name="draft"/>.</summary>
    public static void Fill(DigestDraft draft)
    {
        foreach (var theme in draft.Themes)
        {
            theme.Name = Name(theme.Keywords);
            theme.Intro = Intro(theme);
            foreach (var item in theme.Items) item.OneLiner = ContributionSentence.Of(item.Paper);
        }
    }

    /// <summary>"Reasoning, Reward and Agents"; "Other papers" without keywords.</summary>
    public static string Name(IReadOnlyList<string> keywords)
    {
        if (keywords.Count == 0) return "Other papers";
        var words = keywords.Select(Title).ToList();
        return words.Count == 1 ? words[0] : string.Join(", ", words[..^1]) + " and " + words[^1];
    }

    /// <summary>"3 papers on reasoning, reward and agents."</summary>
    public static string Intro(DraftTheme theme)
    {
        var count = theme.Items.Count == 1 ? "1 paper" : $"{theme.Items.Count} papers";
        if (theme.Keywords.Count == 0) return $"{count}.";
        var words = theme.Keywords.ToList();
        return $"{count} on {(words.Count == 1 ? words[0] : string.Join(", ", words[..^1]) + " and " + words[^1])}.";
    }

    /// <summary>Capitalized; spellings with capitals of their own ("LLMs", "GPU", "CoT") are kept.</summary>
    private static string Title(string word) =>
        word.Any(char.IsUpper) ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
