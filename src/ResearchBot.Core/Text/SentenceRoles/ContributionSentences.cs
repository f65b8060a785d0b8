namespace ResearchBot.Text.SentenceRoles;

/// <summary>Picks the sentence that says what a paper contributes, never its background or a release notice.</summary>
public static class ContributionSentences
{
    /// <summary>
    /// The paper's best contribution sentence: its first method sentence that proposes or introduces something,
    /// else its first method sentence, else its first result sentence; null when the abstract has none of them.
    /// </summary>
    /// <param name="abstractText">The abstract.</param>
    /// <param name="title">The paper's title, when known (helps recognise sentences that open with its name).</param>
    public static TaggedSentence? Best(string abstractText, string? title = null) => Best(SentenceRoleTagger.Tag(abstractText, title));

    /// <summary>The best contribution sentence among sentences already tagged.</summary>
    public static TaggedSentence? Best(IReadOnlyList<TaggedSentence> tagged) =>
        tagged.FirstOrDefault(s => s.Role == SentenceRole.Method && IsProposal(s.Text))
        ?? tagged.FirstOrDefault(s => s.Role == SentenceRole.Method)
        ?? tagged.FirstOrDefault(s => s.Role == SentenceRole.Result);

    /// <summary>True when the sentence proposes or introduces something ("We propose …", "This paper presents …").</summary>
    public static bool IsProposal(string sentence) =>
        Proposal.IsMatch(sentence);

    private static readonly System.Text.RegularExpressions.Regex Proposal = new(
        @"\b(?:we|this (?:paper|work|study|report)|in this (?:paper|work),? we|here,? we)\s+(?:\w+\s+){0,2}?(?:propose|proposes|introduce|introduces|present|presents|develop|develops|design|designs|build|builds|unveil|unveils|devise|devises|release|releases|describe|describes|construct|constructs|curate|curates)\b|\b(?:dubbed|named|called)\s+[A-Z]",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Compiled);
}
