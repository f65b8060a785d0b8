namespace ResearchBot.Ingestion;

/// <summary>
/// The rows of a JSON Lines source that were rejected (each row stands on its own, so the good rows are kept): how many,
/// and the reasons of the first few, to report in one line.
/// </summary>
public sealed class LineRejections
{
    /// <summary>How many rejected rows are named in <see cref="Summary"/>.</summary>
    public const int ShownLines = 3;

    private readonly List<string> _first = [];

    /// <summary>Rows rejected so far.</summary>
    public int Count { get; private set; }

    /// <summary>Rows read so far (good, rejected and blank ones not counted).</summary>
    public int Rows { get; internal set; }

    /// <summary>The first rejected rows, as <c>line N: reason</c>.</summary>
    public IReadOnlyList<string> First => _first;

    public void Add(int lineNumber, string reason)
    {
        Count++;
        if (_first.Count < ShownLines) _first.Add($"line {lineNumber}: {reason}");
    }

    /// <summary>
    /// One line such as <c>line 2: invalid UTF-8 (1 of 10 rows rejected; the other 9 kept)</c>, or null when no row was rejected.
    /// </summary>
    public string? Summary()
    {
        if (Count == 0) return null;
        var kept = Rows - Count;
        var shown = Count > _first.Count ? $", first {_first.Count} shown" : "";
        var keptText = kept == 0 ? "no row kept" : $"the other {kept:N0} kept";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{string.Join("; ", _first)} ({Count:N0} of {Rows:N0} row{(Rows == 1 ? "" : "s")} rejected{shown}; {keptText})");
    }
}
