using System.Globalization;

namespace ResearchBot.Answering;

/// <summary>Step 3's plain "nothing found" answers.</summary>
public static class Abstention
{
    /// <summary>
    /// "No papers from D1 to D2; the store holds N papers from F to L.": the question's date range holds no papers at all,
    /// so the person learns which days the store does cover instead of a bare "nothing found".
    /// </summary>
    public static string EmptyRange(DateOnly? from, DateOnly? to, int storePapers, DateOnly? first, DateOnly? last)
    {
        var covers = storePapers == 0
            ? "the store is empty"
            : $"the store holds {(storePapers == 1 ? "1 paper" : $"{storePapers} papers")}{Range(first, last, "")}";
        return $"No papers{Range(from, to, " in that range")}; {covers}.";
    }

    /// <summary>"I found nothing about this in the N papers from D1 to D2."</summary>
    public static string Message(int papersInRange, DateOnly? from, DateOnly? to)
    {
        var papers = papersInRange == 1 ? "the 1 paper" : $"the {papersInRange} papers";
        return $"I found nothing about this in {papers}{Range(from, to, " in the store")}.";
    }

    private static string Range(DateOnly? from, DateOnly? to, string open) => (from, to) switch
    {
        ({ } a, { } b) when a == b => $" from {Iso(a)}",
        ({ } a, { } b) => $" from {Iso(a)} to {Iso(b)}",
        ({ } a, null) => $" from {Iso(a)} on",
        (null, { } b) => $" up to {Iso(b)}",
        _ => open,
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
