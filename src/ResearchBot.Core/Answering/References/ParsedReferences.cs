namespace ResearchBot.Answering.References;

/// <summary>What a question refers to in the last shown list, before the papers are looked up.</summary>
/// <param name="Positions">The 1-based list positions referred to, in the order first mentioned, each once.</param>
/// <param name="Missing">Numbers referred to that the list does not have, ascending.</param>
/// <param name="Compare">True when the question asks to compare the referenced papers.</param>
/// <param name="Spans">The parts of the question that are references (start, length), in text order.</param>
/// <param name="Aspect">The question's own content words once the references and filler are removed ("memory cost"); empty when it asks nothing specific.</param>
public sealed record ParsedReferences(
    IReadOnlyList<int> Positions,
    IReadOnlyList<int> Missing,
    bool Compare,
    IReadOnlyList<(int Start, int Length, IReadOnlyList<int> Positions)> Spans,
    string Aspect)
{
    /// <summary>True when the question refers to the list at all (found or missing).</summary>
    public bool Any => Positions.Count > 0 || Missing.Count > 0;

    /// <summary>Nothing referenced.</summary>
    public static ParsedReferences None { get; } = new([], [], false, [], "");
}
