namespace ResearchBot.Answering.Dates;

/// <summary>A question with its date expressions taken out, and the range they mean (inclusive; null bounds are open).</summary>
public sealed record DateFilter(string Text, DateOnly? From, DateOnly? To)
{
    /// <summary>True when the question named a date.</summary>
    public bool HasRange => From is not null || To is not null;
}
