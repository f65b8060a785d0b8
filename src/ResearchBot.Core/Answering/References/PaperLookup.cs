using ResearchBot.Papers;

namespace ResearchBot.Answering.References;

/// <summary>The paper a <c>/paper</c> argument names, or the plain sentence saying why there is none.</summary>
public sealed record PaperLookup(Paper? Paper, string? Problem);
