using ResearchBot.Ingestion;

namespace ResearchBot.Tests.Ingestion;

public class PaperFormatDetectorTests
{
    private readonly PaperFormatDetector _detector = new(
        [new ArxivAtomParser(), new HuggingFaceJsonParser(), new JsonLinesParser(), new DailyPageParser()]);

    [Theory]
    [InlineData("hf-daily-2026-11-20.json", "hf-json")]
    [InlineData("hf-search-retrieval.json", "hf-json")]
    [InlineData("arxiv-cs-cl-page1.xml", "arxiv-atom")]
    [InlineData("papers.jsonl", "jsonl")]
    [InlineData("seeds/000_87c15c6d745db98f.txt", "daily-page")]
    [InlineData("seeds/003_41a82339de5c6f63.txt", "daily-page")]
    public void The_format_comes_from_the_content(string fixture, string format)
    {
        Assert.Equal(format, _detector.Detect(FixtureFiles.Read(fixture)).Format);
    }

    [Fact]
    public void The_parser_order_does_not_matter()
    {
        var reversed = new PaperFormatDetector([new DailyPageParser(), new JsonLinesParser(), new HuggingFaceJsonParser(), new ArxivAtomParser()]);
        foreach (var fixture in new[] { "hf-daily-2026-11-20.json", "arxiv-cs-cl-page1.xml", "papers.jsonl", "seeds/001_d1560a3ab0b30d46.txt" })
        {
            Assert.Equal(_detector.Detect(FixtureFiles.Read(fixture)).Format, reversed.Detect(FixtureFiles.Read(fixture)).Format);
        }
    }

    [Theory]
    [InlineData("", "empty file")]
    [InlineData("  \n\n ", "empty file")]
    [InlineData("PK\u0003\u0004\0\0\u0014\0binary", "binary content")]
    [InlineData("<html><body>Not papers</body></html>", "unknown format")]
    [InlineData("hello world", "unknown format")]
    public void Bad_content_has_a_one_line_reason(string content, string reasonStart)
    {
        var ex = Assert.Throws<PaperFormatException>(() => _detector.Detect(content));
        Assert.StartsWith(reasonStart, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void A_json_object_with_a_papers_array_is_hugging_face_json()
    {
        Assert.Equal("hf-json", _detector.Detect("{\"papers\": [{\"title\": \"A\"}]}").Format);
    }

    [Fact]
    public void A_pretty_printed_single_paper_is_hugging_face_json_and_a_one_line_object_is_json_lines()
    {
        const string pretty = "{\n  \"id\": \"2005.11401\",\n  \"title\": \"Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks\",\n  \"summary\": \"Large pre-trained language models store factual knowledge.\"\n}\n";
        var parser = _detector.Detect(pretty);
        Assert.Equal("hf-json", parser.Format);
        var paper = Assert.Single(parser.Parse(pretty, new ParseContext("paper.json", null, new DateOnly(2026, 11, 23))));
        Assert.Equal("2005.11401", paper.Id);
        Assert.Equal("Large pre-trained language models store factual knowledge.", paper.Abstract);

        Assert.Equal("jsonl", _detector.Detect("{\"id\": \"2005.11401\", \"title\": \"RAG\"}\n").Format);
    }
}
