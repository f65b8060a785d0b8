using System.Globalization;
using ResearchBot.Papers;

namespace ResearchBot.Ingestion;

/// <summary>
/// The sizes a stored paper's fields are held to, whatever the source sends (a 5 MB abstract would otherwise be stored and
/// quoted whole): longer text is cut at a word with "…", longer lists keep their first entries (the author count stays the
/// full count), an over-long id is replaced by the title's id, an over-long URL is dropped. Terminal control characters
/// and escape sequences are removed from all text. Applied to every source, files and online alike.
/// </summary>
public static class PaperFieldLimits
{
    public const int MaxTitleLength = 500;
    public const int MaxAbstractLength = 10_000;
    public const int MaxAuthors = 200;
    public const int MaxAuthorNameLength = 200;
    public const int MaxAiSummaryLength = 2_000;
    public const int MaxKeywords = 50;
    public const int MaxKeywordLength = 100;
    public const int MaxIdLength = 100;
    public const int MaxUrlLength = 2_000;

    /// <summary>The papers held to the limits, papers left without a title dropped, and one note a kind of change (empty when none).</summary>
    public static IReadOnlyList<Paper> Apply(IReadOnlyList<Paper> papers, out IReadOnlyList<string> notes)
    {
        var tally = new Tally();
        var kept = Apply(papers, tally);
        notes = tally.Notes();
        return kept;
    }

    /// <summary>
    /// The papers held to the limits, counting the changes in <paramref name="tally"/>: a source read in batches gets one
    /// note a kind of change for all its batches (<see cref="Tally.Notes"/>).
    /// </summary>
    public static IReadOnlyList<Paper> Apply(IReadOnlyList<Paper> papers, Tally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var kept = new List<Paper>(papers.Count);
        foreach (var paper in papers)
        {
            if (Apply(paper, tally) is { } limited) kept.Add(limited);
        }
        return kept;
    }

    private static Paper? Apply(Paper paper, Tally tally)
    {
        var changedControls = false;
        string Clean(string text)
        {
            var clean = TextCleanup.StripControls(text);
            changedControls |= !ReferenceEquals(clean, text);
            return clean;
        }

        var title = Cut(Clean(paper.Title), MaxTitleLength, ref tally.Titles);
        if (title.Length == 0)
        {
            tally.Untitled++;
            return null;
        }
        var abstractText = Cut(Clean(paper.Abstract), MaxAbstractLength, ref tally.Abstracts);
        var aiSummary = paper.AiSummary is null ? null : Cut(Clean(paper.AiSummary), MaxAiSummaryLength, ref tally.AiSummaries);
        var authors = Names(paper.Authors, MaxAuthors, MaxAuthorNameLength, Clean, ref tally.AuthorLists, ref tally.AuthorNames);
        var keywords = Names(paper.AiKeywords, MaxKeywords, MaxKeywordLength, Clean, ref tally.KeywordLists, ref tally.Keywords);
        var id = paper.Id;
        if (id.Length > MaxIdLength || TextCleanup.StripControls(id) != id)
        {
            id = PaperId.FromTitle(title);
            tally.Ids++;
        }
        var url = paper.Url;
        if (url is not null && (url.Length > MaxUrlLength || TextCleanup.StripControls(url) != url))
        {
            url = null;
            tally.Urls++;
        }
        if (changedControls) tally.Controls++;

        var unchanged = ReferenceEquals(title, paper.Title) && ReferenceEquals(abstractText, paper.Abstract)
            && ReferenceEquals(aiSummary, paper.AiSummary) && ReferenceEquals(authors, paper.Authors)
            && ReferenceEquals(keywords, paper.AiKeywords) && ReferenceEquals(id, paper.Id) && ReferenceEquals(url, paper.Url);
        if (unchanged) return paper;
        return paper with
        {
            Id = id,
            Title = title,
            Abstract = abstractText,
            AiSummary = aiSummary is { Length: > 0 } ? aiSummary : null,
            Authors = authors,
            AuthorCount = paper.AuthorCount ?? (paper.Authors.Count > 0 ? paper.Authors.Count : null),
            AiKeywords = keywords,
            Url = url,
        };
    }

    private static IReadOnlyList<string> Names(IReadOnlyList<string> names, int maxCount, int maxLength, Func<string, string> clean, ref int lists, ref int longNames)
    {
        List<string>? changed = null;
        var count = Math.Min(names.Count, maxCount);
        if (names.Count > maxCount) lists++;
        for (var i = 0; i < count; i++)
        {
            var name = Cut(clean(names[i]), maxLength, ref longNames);
            if (ReferenceEquals(name, names[i]) && changed is null) continue;
            changed ??= [.. names.Take(i)];
            if (name.Length > 0) changed.Add(name);
        }
        if (changed is not null) return changed;
        return names.Count > maxCount ? [.. names.Take(maxCount)] : names;
    }

    /// <summary>The text cut to <paramref name="max"/> characters at a word, ending with "…"; the same string when short enough.</summary>
    internal static string Cut(string text, int max, ref int counter)
    {
        if (text.Length <= max) return text;
        counter++;
        var end = max - 1;
        if (char.IsLowSurrogate(text[end])) end--;
        var space = text.LastIndexOf(' ', end - 1, Math.Min(end, max / 5));
        if (space > 0) end = space;
        return text[..end].TrimEnd() + "…";
    }

    /// <summary>The changes made to one source's papers, counted by kind.</summary>
    public sealed class Tally
    {
        internal int Titles, Abstracts, AiSummaries, AuthorLists, AuthorNames, KeywordLists, Keywords, Ids, Urls, Controls, Untitled;

        /// <summary>One note a kind of change (empty when nothing changed).</summary>
        public IReadOnlyList<string> Notes()
        {
            var cut = new List<string>();
            Add(cut, Titles, "title", $"over {MaxTitleLength:N0} characters");
            Add(cut, Abstracts, "abstract", $"over {MaxAbstractLength:N0} characters");
            Add(cut, AiSummaries, "AI summary", $"over {MaxAiSummaryLength:N0} characters");
            Add(cut, AuthorLists, "author list", $"over {MaxAuthors:N0} names (the author count is kept)");
            Add(cut, AuthorNames, "author name", $"over {MaxAuthorNameLength:N0} characters");
            Add(cut, KeywordLists, "keyword list", $"over {MaxKeywords:N0} keywords");
            Add(cut, Keywords, "keyword", $"over {MaxKeywordLength:N0} characters");
            var notes = new List<string>();
            if (cut.Count > 0) notes.Add("cut to the size limits: " + string.Join(", ", cut));
            if (Ids > 0) notes.Add(Count(Ids, "id") + $" over {MaxIdLength} characters or with control characters replaced by the title's id");
            if (Urls > 0) notes.Add(Count(Urls, "URL") + $" over {MaxUrlLength:N0} characters or with control characters dropped");
            if (Controls > 0) notes.Add($"control characters removed from {Count(Controls, "paper")}");
            if (Untitled > 0) notes.Add($"{Count(Untitled, "paper")} without a readable title dropped");
            return notes;
        }

        private static void Add(List<string> parts, int count, string what, string limit)
        {
            if (count > 0) parts.Add($"{Count(count, what)} {limit}");
        }

        private static string Count(int n, string what) =>
            string.Create(CultureInfo.InvariantCulture, $"{n:N0} {what}{(n == 1 ? "" : "s")}");
    }
}
