namespace ResearchBot.Answering.Citations;

/// <summary>The outcome of checking an answer's citations.</summary>
/// <param name="Text">The text with only valid citations.</param>
/// <param name="Cited">The valid numbers cited, ascending.</param>
/// <param name="Removed">The invalid numbers that were removed, ascending.</param>
public sealed record CitationCheck(string Text, IReadOnlyList<int> Cited, IReadOnlyList<int> Removed);
