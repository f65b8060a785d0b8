namespace ResearchBot.Answering.Offline;

/// <summary>A sentence of a source's abstract and how well it answers the question.</summary>
public sealed record ScoredSentence(int SourceN, int Position, string Text, double Score);
