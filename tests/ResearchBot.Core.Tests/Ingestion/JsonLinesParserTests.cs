using System.Text;
using ResearchBot.Ingestion;
using ResearchBot.Papers;

namespace ResearchBot.Tests.Ingestion;

public class JsonLinesParserTests
{
    private static readonly ParseContext Context = new("papers.jsonl", null, new DateOnly(2026, 11, 23));
    private readonly JsonLinesParser _parser = new();

    [Fact]
    public void Lines_become_papers_with_arxiv_synthetic_and_title_ids()
    {
        var papers = _parser.Parse(FixtureFiles.Read("papers.jsonl"), Context);

        Assert.Equal(3, papers.Count);
        Assert.Equal("2401.04088", papers[0].Id);
        Assert.Equal("https://arxiv.org/abs/2401.04088", papers[0].Url);
        Assert.Equal(["Albert Q. Jiang", "Alexandre Sablayrolles"], papers[0].Authors);
        Assert.Equal(new DateOnly(2024, 1, 8), papers[0].Published);

        Assert.Equal("syn.000001", papers[1].Id);
        Assert.Equal("A synthetic abstract about gradient noise in small-batch training.", papers[1].Abstract);
        Assert.Equal(["Sam Synth"], papers[1].Authors);
        Assert.Null(papers[1].Url);

        Assert.Equal(PaperId.FromTitle("Inference Scaling scriptsizeFLaws: The Limits of LLM Resampling with Imperfect Verifiers"), papers[2].Id);
        Assert.Equal("Inference Scaling FLaws: The Limits of LLM Resampling with Imperfect Verifiers", papers[2].Title);
    }

    [Fact]
    public void A_broken_line_is_named_in_the_error()
    {
        var content = FixtureFiles.Read("papers.jsonl") + "{\"id\": \"2402.00001\", \"title\": \"Cut off";
        var ex = Assert.Throws<PaperFormatException>(() => _parser.Parse(content, Context));
        Assert.Equal("line 5: truncated or broken JSON", ex.Message);
    }

    [Fact]
    public void A_line_without_a_title_is_named_in_the_error()
    {
        var ex = Assert.Throws<PaperFormatException>(() => _parser.Parse("{\"id\":\"2401.00001\",\"title\":\"A\"}\n{\"id\":\"x\"}\n", Context));
        Assert.Equal("line 2: paper without a title", ex.Message);
    }

    [Fact]
    public void A_hundred_thousand_lines_stream_through()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            sb.Append("{\"id\":\"syn.").Append(i.ToString("D6")).Append("\",\"title\":\"Synthetic paper ").Append(i)
              .Append("\",\"abstract\":\"An abstract about sparse attention and retrieval for paper ").Append(i)
              .Append(".\",\"published\":\"2025-01-01\",\"authors\":[\"A. Author\",\"B. Author\"]}\n");
        }
        var count = 0;
        string? lastId = null;
        foreach (var paper in _parser.ReadLines(new MemoryStream(Encoding.UTF8.GetBytes(sb.ToString())), Context, new LineRejections()))
        {
            count++;
            lastId = paper.Id;
        }
        Assert.Equal(100_000, count);
        Assert.Equal("syn.099999", lastId);
    }
}
