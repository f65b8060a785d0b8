namespace ResearchBot.Text.SentenceRoles;

/// <summary>A sentence of an abstract with its role.</summary>
/// <param name="Index">Its position in the abstract (0 = first sentence).</param>
/// <param name="Text">The sentence as written.</param>
/// <param name="Role">What it does for the paper.</param>
/// <param name="HasFigure">True when it states a figure: a percentage, a factor ("2.4x"), a size or a count of points.</param>
public sealed record TaggedSentence(int Index, string Text, SentenceRole Role, bool HasFigure)
{
    /// <summary>True for the paper's own method or result sentences (what it contributes).</summary>
    public bool IsContribution => Role is SentenceRole.Method or SentenceRole.Result;
}
