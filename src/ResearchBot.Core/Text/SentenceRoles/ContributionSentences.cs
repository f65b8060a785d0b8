namespace ResearchBot.Text.SentenceRoles;

/// <summary>
/// Picks the sentences that say what a paper contributes — what it does and what it found — never its background or
/// a release notice.
/// </summary>
public static class ContributionSentences
{
    /// <summary>
    /// The paper's best contribution sentence: its method sentence that proposes or introduces something (the one
    /// naming the paper first, when the title gives a short name), else its first method sentence, else its first
    /// result sentence; null when the abstract has none of them.
    /// </summary>
    /// <param name="abstractText">The abstract.</param>
    /// <param name="title">The paper's title, when known (helps recognise sentences that open with or name its short name).</param>
    public static TaggedSentence? Best(string abstractText, string? title = null) => Best(SentenceRoleTagger.Tag(abstractText, title), title);

    /// <summary>The best contribution sentence among sentences already tagged; see <see cref="Best(string, string?)"/>.</summary>
    public static TaggedSentence? Best(IReadOnlyList<TaggedSentence> tagged, string? title = null)
    {
        var proposals = tagged.Where(s => s.Role == SentenceRole.Method && IsProposal(s.Text)).ToList();
        var name = SentenceRoleTagger.ShortName(title);
        return (name is null ? null : proposals.FirstOrDefault(s => s.Text.Contains(name, StringComparison.OrdinalIgnoreCase)))
            ?? proposals.FirstOrDefault()
            ?? tagged.FirstOrDefault(s => s.Role == SentenceRole.Method)
            ?? tagged.FirstOrDefault(s => s.Role == SentenceRole.Result);
    }

    /// <summary>
    /// What the paper found: its first result sentence that states a figure, else its first result sentence; never
    /// <paramref name="besides"/> (the sentence already quoted for what it does). Null when it reports no results.
    /// </summary>
    public static TaggedSentence? Finding(IReadOnlyList<TaggedSentence> tagged, TaggedSentence? besides = null)
    {
        var results = tagged.Where(s => s.Role == SentenceRole.Result && s != besides).ToList();
        return results.FirstOrDefault(s => s.HasFigure) ?? results.FirstOrDefault();
    }

    /// <summary>True when the sentence proposes or introduces something ("We propose …", "This paper presents …").</summary>
    public static bool IsProposal(string sentence) =>
        Proposal.IsMatch(sentence);

    private static readonly System.Text.RegularExpressions.Regex Proposal = new(
        @"\b(?:we|this (?:paper|work|study|report)|in this (?:paper|work),? we|here,? we)\s+(?:\w+\s+){0,2}?(?:propose|proposes|introduce|introduces|present|presents|develop|develops|design|designs|build|builds|unveil|unveils|devise|devises|release|releases|describe|describes|construct|constructs|curate|curates)\b|\b(?:dubbed|named|called)\s+[A-Z]",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Compiled);
}
