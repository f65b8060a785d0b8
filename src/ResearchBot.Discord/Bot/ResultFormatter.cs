using System.Text;
using ResearchBot.Answering;
using ResearchBot.Digest;
using ResearchBot.Papers;
using ResearchBot.Retrieval;

namespace ResearchBot.Discord.Bot;

/// <summary>Markdown for search results, papers and digests.</summary>
public static class ResultFormatter
{
    private const int MaxAbstract = 1200;

    public static string Search(SearchResults results)
    {
        var relevant = results.Relevant.ToList();
        if (relevant.Count == 0) return $"No papers matched **{results.Query.Text}** (searched {results.PapersInRange}).";
        var text = new StringBuilder($"Papers about **{results.Query.Text}**:\n");
        var n = 1;
        foreach (var hit in relevant)
            text.Append('\n').Append(SourcesEmbed.Line(new AnswerSource(n++, hit.Paper.Id, hit.Paper.Title, PaperLinks.Url(hit.Paper), hit.Paper.Date)));
        return text.ToString();
    }

    public static string Paper(Paper paper)
    {
        var text = new StringBuilder();
        text.Append("**").Append(paper.Title).Append("**\n");
        var authors = paper.Authors.Count > 0
            ? string.Join(", ", paper.Authors.Take(8)) + (paper.Authors.Count > 8 ? $" and {paper.Authors.Count - 8} more" : "")
            : paper.AuthorCount is { } c ? $"{c} authors" : null;
        if (authors is not null) text.Append(authors).Append('\n');
        var facts = new List<string> { $"id {paper.Id}" };
        if (paper.Date is { } d) facts.Add(d.ToString("yyyy-MM-dd"));
        if (paper.Upvotes is { } u) facts.Add($"{u} upvotes");
        text.Append(string.Join(" · ", facts)).Append('\n');
        text.Append('<').Append(PaperLinks.Url(paper)).Append(">\n");
        if (paper.Abstract.Length > 0)
            text.Append('\n').Append(paper.Abstract.Length > MaxAbstract ? paper.Abstract[..MaxAbstract] + "…" : paper.Abstract).Append('\n');
        if (paper.AiSummary is { Length: > 0 } summary) text.Append("\n*Machine summary (from the source):* ").Append(summary).Append('\n');
        return text.ToString().TrimEnd();
    }

    public static string DigestHeader(DailyDigest digest) => $"**Daily papers — {digest.Date:dddd, d MMMM yyyy}**\n\n{digest.Text}";
}
