using ResearchBot.Text.SentenceRoles;

namespace ResearchBot.Answering.Offline;

/// <summary>A sentence of a source's abstract, its role, and how well it answers the question.</summary>
/// <param name="SourceN">The source's number.</param>
/// <param name="Sentence">The sentence with its role (background, method, result, release notice).</param>
/// <param name="Overlap">The IDF-weighted share of the question's terms the sentence contains (0..1).</param>
/// <param name="SpeaksOfAspect">True when it speaks of an aspect the question asks about (memory, speed, cost, accuracy).</param>
/// <param name="Score">Overlap plus role, figure and aspect bonuses: the higher, the better it answers.</param>
public sealed record ScoredSentence(int SourceN, TaggedSentence Sentence, double Overlap, bool SpeaksOfAspect, double Score)
{
    /// <summary>Its position in the abstract.</summary>
    public int Position => Sentence.Index;

    /// <summary>The sentence as written.</summary>
    public string Text => Sentence.Text;
}
