using System.Globalization;

namespace ResearchBot.Answering;

/// <summary>Step 3's plain "nothing found" answer.</summary>
public static class Abstention
{
    /// <summary>"I found nothing about this in the N papers from D1 to D2."</summary>
    public static string Message(int papersInRange, DateOnly? from, DateOnly? to)
    {
        var papers = papersInRange == 1 ? "the 1 paper" : $"the {papersInRange} papers";
        var range = (from, to) switch
        {
            ({ } a, { } b) when a == b => $" from {Iso(a)}",
            ({ } a, { } b) => $" from {Iso(a)} to {Iso(b)}",
            ({ } a, null) => $" from {Iso(a)} on",
            (null, { } b) => $" up to {Iso(b)}",
            _ => " in the store",
        };
        return $"I found nothing about this in {papers}{range}.";
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
