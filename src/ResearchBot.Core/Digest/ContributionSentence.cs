using ResearchBot.Answering.Offline;
using ResearchBot.Answering.Text;
using ResearchBot.Papers;

namespace ResearchBot.Digest;

/// <summary>The paper's own one-line contribution: its first "We propose/introduce/present …" sentence, else its first sentence.</summary>
public static class ContributionSentence
{
    /// <summary>The sentence, at most <paramref name="maxChars"/> long; the title when there is no abstract.</summary>
    public static string Of(Paper paper, int maxChars = 320)
    {
        var sentences = Sentences.Split(paper.Abstract);
        if (sentences.Count == 0) return paper.Title;
        var s = sentences.FirstOrDefault(SentenceScorer.IsContribution) ?? sentences[0];
        return s.Length <= maxChars ? s : s[..maxChars].TrimEnd() + "…";
    }
}
