using System.Text.RegularExpressions;
using ResearchBot.Papers;
using ResearchBot.Text;
using ResearchBot.Text.SentenceRoles;

namespace ResearchBot.Digest;

/// <summary>
/// A paper's one-line contribution, offline, chosen by the sentence roles the answers use (<see cref="SentenceRoleTagger"/>):
/// its method sentence that proposes something ("We propose …") or, failing that, its result sentence with a figure,
/// never background ("LLMs are expensive to train") or a release notice ("Code is at …"), shortened to about 30 words
/// at a clause boundary with the key figure kept.
/// </summary>
public static partial class ContributionSentence
{
    /// <summary>The one-liner; the title when the abstract has no usable sentence.</summary>
    public static string Of(Paper paper, int maxWords = 30)
    {
        var tagged = SentenceRoleTagger.Tag(paper.Abstract, paper.Title);
        var pick = tagged.FirstOrDefault(s => s.Role == SentenceRole.Method && ContributionSentences.IsProposal(s.Text))
            ?? tagged.FirstOrDefault(s => s.Role == SentenceRole.Result && s.HasFigure)
            ?? ContributionSentences.Best(tagged)
            ?? tagged.FirstOrDefault(s => s.Role == SentenceRole.Other);
        return pick is null ? paper.Title : Shorten(Standalone(pick.Text), maxWords);
    }

    /// <summary>The paper's result sentence that states a figure ("reduces memory by 41%"), shortened; null when it has none.</summary>
    public static string? NotableResult(Paper paper, int maxWords = 30)
    {
        var pick = SentenceRoleTagger.Tag(paper.Abstract, paper.Title).FirstOrDefault(s => s.Role == SentenceRole.Result && s.HasFigure);
        return pick is null ? null : Shorten(Standalone(pick.Text), maxWords);
    }

    /// <summary>The sentence without an opening that points back at left-out text, applied until none is left ("(3) Finally, we …" → "We …").</summary>
    private static string Standalone(string sentence)
    {
        for (var i = 0; i < 3; i++)
        {
            var next = StandaloneSentence.Of(sentence);
            if (next == sentence) break;
            sentence = next;
        }
        return sentence;
    }

    /// <summary>
    /// At most about <paramref name="maxWords"/> words: a long sentence is cut at the last clause boundary (comma,
    /// semicolon, "while", "which") before the limit that keeps its first figure, and ends with "…".
    /// </summary>
    public static string Shorten(string sentence, int maxWords)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= maxWords + 4) return sentence;
        var figureAt = Array.FindIndex(words, w => SentenceRoleTagger.HasFigure(w));
        var limit = Math.Max(maxWords, figureAt >= 0 && figureAt < maxWords + 15 ? figureAt + 1 : 0);
        for (var i = limit - 1; i >= maxWords / 2; i--)
        {
            if (i + 1 < words.Length && (words[i].EndsWith(',') || words[i].EndsWith(';') || ClauseStart().IsMatch(words[i + 1])))
                return string.Join(' ', words[..(i + 1)]).TrimEnd(',', ';') + " …";
        }
        return string.Join(' ', words[..limit]).TrimEnd(',', ';') + " …";
    }

    [GeneratedRegex(@"^(?:while|which|whereas|where|and|but|by|thereby|achieving|resulting|leading|enabling|allowing)$", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseStart();
}
