using ResearchBot.Answering.Sources;

namespace ResearchBot.Answering.References;

/// <summary>The papers a question refers to, looked up from the last shown list.</summary>
/// <param name="Sources">The referenced papers under their numbers in the shown list, in the order first mentioned; empty when the question refers to none.</param>
/// <param name="Compare">True when the question asks to compare them (answered side by side).</param>
/// <param name="Aspect">What the question asks about them ("memory cost"); empty for "tell me more".</param>
/// <param name="Standalone">The question with each reference replaced by the titles it points at (the "answered as" line).</param>
/// <param name="Missing">When a number does not exist: the plain answer saying so ("There is no [7]; the last answer listed [1]–[5]."); else null.</param>
public sealed record ResolvedReferences(IReadOnlyList<NumberedSource> Sources, bool Compare, string Aspect, string Standalone, string? Missing)
{
    /// <summary>True when the question is about specific listed papers.</summary>
    public bool Found => Sources.Count > 0 && Missing is null;

    /// <summary>The question refers to nothing listed.</summary>
    public static ResolvedReferences None(string question) => new([], false, "", question, null);
}
