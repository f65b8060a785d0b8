using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ResearchBot.Papers;

/// <summary>
/// Papers as BibTeX <c>@misc</c> entries: the arXiv id as key when known (else the first title word and the year),
/// title, authors when known, year (of publication, else of listing, then with a note saying so), the arXiv eprint and the
/// url (<see cref="PaperLinks.Url"/>: the arXiv page, else the stored link, else a Hugging Face search for the title).
/// </summary>
public static partial class BibTex
{
    public static string Write(IEnumerable<Paper> papers)
    {
        var sb = new StringBuilder();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paper in papers)
        {
            var arxiv = PaperId.TryArxiv(paper.Id) is { } a && a == paper.Id ? a : null;
            var year = (paper.Published ?? paper.Date)?.Year;
            var key = arxiv ?? Key(paper.Title, year);
            for (var i = 2; !keys.Add(key); i++) key = $"{arxiv ?? Key(paper.Title, year)}-{i}";
            sb.Append("@misc{").Append(key).Append(",\n");
            Field(sb, "title", "{" + Escape(paper.Title) + "}");
            if (paper.Authors.Count > 0) Field(sb, "author", string.Join(" and ", paper.Authors.Select(Escape)));
            if (year is { } y) Field(sb, "year", y.ToString(CultureInfo.InvariantCulture));
            if (arxiv is not null)
            {
                Field(sb, "eprint", arxiv);
                Field(sb, "archivePrefix", "arXiv");
            }
            Field(sb, "url", PaperLinks.Url(paper));
            if (paper.Published is null && paper.Date is { } listed) Field(sb, "note", $"Publication date unknown; listed {listed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            sb.Append("}\n\n");
        }
        return sb.ToString().TrimEnd() + "\n";
    }

    private static void Field(StringBuilder sb, string name, string value) => sb.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");

    /// <summary>"miniCache2024" from "MiniCache: KV Cache Compression …" and 2024.</summary>
    private static string Key(string title, int? year)
    {
        var word = Word().Match(title) is { Success: true } m ? m.Value.ToLowerInvariant() : "paper";
        return word + (year?.ToString(CultureInfo.InvariantCulture) ?? "");
    }

    /// <summary>Escapes LaTeX's special characters.</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' or '%' or '$' or '#' or '_' or '{' or '}' => "\\" + c,
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                '\\' => "\\textbackslash{}",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]+")]
    private static partial Regex Word();
}
