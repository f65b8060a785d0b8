using ResearchBot.Answering.Sources;

namespace ResearchBot.Answering.Offline;

/// <summary>A source with its candidate sentences (method, result, other; never background or release notices).</summary>
/// <param name="Source">The numbered source.</param>
/// <param name="Candidates">Its sentences that may be quoted, scored.</param>
/// <param name="TitleOverlap">The IDF-weighted share of the question's terms in its title.</param>
/// <param name="AspectAsked">True when the question asks about memory, speed, cost or accuracy.</param>
/// <param name="Name">The paper's short name ("MiniCache"), when its title has one.</param>
public sealed record ScoredPaper(NumberedSource Source, IReadOnlyList<ScoredSentence> Candidates, double TitleOverlap, bool AspectAsked, string? Name = null);
