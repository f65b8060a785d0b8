using System.Xml;
using System.Xml.Linq;
using ResearchBot.Papers;

namespace ResearchBot.Ingestion;

/// <summary>Reads arXiv API Atom feeds: each <c>&lt;entry&gt;</c> with id, title, summary, authors and published date.</summary>
public sealed class ArxivAtomParser : IPaperParser
{
    /// <summary>Listing source used when an arXiv feed is ingested with a listing day (<c>--date</c>).</summary>
    public const string ListingSource = "arxiv";

    private const int MaxDepth = 64;
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XmlReaderSettings DepthCheckSettings = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };

    public string Format => "arxiv-atom";

    public bool CanParse(string content) =>
        TextCleanup.FirstNonWhitespace(content) == '<'
        && (content.Contains("http://www.w3.org/2005/Atom", StringComparison.Ordinal) || content.Contains("<entry", StringComparison.Ordinal));

    public IReadOnlyList<Paper> Parse(string content, ParseContext context)
    {
        var root = Load(content).Root ?? throw new PaperFormatException("XML without a root element");
        var entries = root.Name == Atom + "entry" ? [root] : root.Elements(Atom + "entry").ToList();
        var papers = new List<Paper>(entries.Count);
        foreach (var entry in entries)
        {
            var rawId = entry.Element(Atom + "id")?.Value;
            var title = TextCleanup.CollapseWhitespace(entry.Element(Atom + "title")?.Value);
            if (rawId is not null && rawId.Contains("/api/errors", StringComparison.Ordinal))
            {
                throw new PaperFormatException($"arXiv API error: {TextCleanup.CollapseWhitespace(entry.Element(Atom + "summary")?.Value)}");
            }
            if (title.Length == 0) continue;
            papers.Add(ToPaper(entry, rawId, title, context));
        }
        return papers;
    }

    private static Paper ToPaper(XElement entry, string? rawId, string title, ParseContext context)
    {
        var arxivId = PaperId.TryArxiv(rawId);
        var authors = entry.Elements(Atom + "author")
            .Select(a => TextCleanup.CollapseWhitespace(a.Element(Atom + "name")?.Value))
            .Where(n => n.Length > 0)
            .ToList();
        return new Paper
        {
            Id = arxivId ?? PaperId.FromTitle(title),
            Title = TitleKey.Display(title),
            Abstract = TextCleanup.CollapseWhitespace(entry.Element(Atom + "summary")?.Value),
            Authors = authors,
            AuthorCount = authors.Count > 0 ? authors.Count : null,
            Published = IsoDate.Parse(entry.Element(Atom + "published")?.Value?.Trim()),
            Url = arxivId is null ? null : $"https://arxiv.org/abs/{arxivId}",
            Listings = context.DateOverride is { } day ? [new Listing(day, ListingSource)] : [],
        };
    }

    /// <summary>Parses the feed; a document nested deeper than <see cref="MaxDepth"/> is refused first (building it would take minutes).</summary>
    private static XDocument Load(string content)
    {
        try
        {
            using (var check = XmlReader.Create(new StringReader(content), DepthCheckSettings))
            {
                while (check.Read())
                {
                    if (check.Depth > MaxDepth)
                    {
                        throw new PaperFormatException($"XML nested deeper than {MaxDepth} levels at line {((IXmlLineInfo)check).LineNumber}");
                    }
                }
            }
            return XDocument.Parse(content);
        }
        catch (XmlException ex)
        {
            throw new PaperFormatException($"truncated or broken XML at line {ex.LineNumber}");
        }
    }
}
