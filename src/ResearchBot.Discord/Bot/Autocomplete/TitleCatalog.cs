using ResearchBot.Storage;

namespace ResearchBot.Discord.Bot.Autocomplete;

/// <summary>
/// The titles of the listed papers, loaded from the store on first use and again after an ingest
/// (<see cref="Invalidate"/>), so autocomplete answers within Discord's 3 seconds without a search per keystroke.
/// </summary>
public sealed class TitleCatalog(IPaperStore store)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile IReadOnlyList<CatalogEntry>? _entries;

    /// <summary>Forgets the titles; the next lookup reloads them.</summary>
    public void Invalidate() => _entries = null;

    /// <summary>Every listed paper, newest listing day first.</summary>
    public async Task<IReadOnlyList<CatalogEntry>> EntriesAsync(CancellationToken cancellationToken)
    {
        if (_entries is { } ready) return ready;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_entries is { } loaded) return loaded;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var list = new List<CatalogEntry>();
            foreach (var day in (await store.GetListingDaysAsync(cancellationToken)).OrderDescending())
                foreach (var paper in await store.GetListedOnAsync(day, cancellationToken))
                    if (seen.Add(paper.Id)) list.Add(new CatalogEntry(paper.Id, paper.Title, day, Words(paper.Title)));
            return _entries = list;
        }
        finally { _loading.Release(); }
    }

    /// <summary>Up to <paramref name="max"/> papers whose title words start with every typed word (or whose id starts with the text),
    /// those whose title starts with the first word first, then newest.</summary>
    public async Task<IReadOnlyList<CatalogEntry>> MatchAsync(string typed, int max, CancellationToken cancellationToken)
    {
        var entries = await EntriesAsync(cancellationToken);
        var words = Words(typed);
        if (words.Length == 0) return entries.Take(max).ToList();
        var text = typed.Trim();
        return entries
            .Select(e => (Entry: e, Rank: e.Id.StartsWith(text, StringComparison.OrdinalIgnoreCase) ? 0 : Matches(e.Words, words) ? (e.Words.Length > 0 && e.Words[0].StartsWith(words[0], StringComparison.Ordinal) ? 1 : 2) : -1))
            .Where(x => x.Rank >= 0)
            .OrderBy(x => x.Rank)
            .Take(max)
            .Select(x => x.Entry)
            .ToList();
    }

    private static bool Matches(string[] title, string[] typed) => typed.All(w => title.Any(t => t.StartsWith(w, StringComparison.Ordinal)));

    private static string[] Words(string text) =>
        text.ToLowerInvariant().SplitWhere(c => !char.IsLetterOrDigit(c)).Where(w => w.Length > 0).ToArray();
}

/// <summary>A paper in the <see cref="TitleCatalog"/>.</summary>
public sealed record CatalogEntry(string Id, string Title, DateOnly Day, string[] Words);

file static class SplitExtensions
{
    public static string[] SplitWhere(this string text, Func<char, bool> separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !separator(text[i])) continue;
            parts.Add(text[start..i]);
            start = i + 1;
        }
        return [.. parts];
    }
}
