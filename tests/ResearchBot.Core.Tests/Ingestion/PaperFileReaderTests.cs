using System.IO.Compression;
using System.Text;
using ResearchBot.Ingestion;

namespace ResearchBot.Tests.Ingestion;

public class PaperFileReaderTests
{
    private static readonly ParseContext Context = new("source", null, new DateOnly(2026, 11, 23));
    private readonly PaperFileReader _reader = new(
        new PaperFormatDetector([new ArxivAtomParser(), new HuggingFaceJsonParser(), new JsonLinesParser(), new DailyPageParser()]),
        new JsonLinesParser());

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private Task<PaperSourceRead> ReadAsync(byte[] content) => _reader.ReadAsync(new OneWayStream(content), Context);

    [Fact]
    public async Task Json_lines_from_a_pipe_are_all_read()
    {
        var read = await ReadAsync(Bytes(FixtureFiles.Read("papers.jsonl")));

        Assert.Null(read.Problem);
        Assert.Equal(3, read.Papers.Count);
    }

    [Theory]
    [InlineData("seeds/001_d1560a3ab0b30d46.txt", 57)]
    [InlineData("hf-daily-2026-11-20.json", 3)]
    [InlineData("arxiv-cs-cl-page1.xml", 2)]
    public async Task A_source_over_the_sniffed_head_is_read_from_a_pipe_that_cannot_seek(string fixture, int papers)
    {
        var content = File.ReadAllBytes(FixtureFiles.PathOf(fixture));
        if (content.Length <= 16 * 1024) content = [.. content, .. Encoding.UTF8.GetBytes(new string(' ', 20 * 1024))];

        var read = await ReadAsync(content);

        Assert.Equal(papers, read.Papers.Count);
    }

    [Fact]
    public async Task An_invalid_utf8_byte_rejects_only_its_row_and_names_the_line()
    {
        var lines = FixtureFiles.Read("papers.jsonl").Split('\n');
        byte[] content = [.. Bytes(lines[0] + "\n"), .. "{\"id\":\"2402.00001\",\"title\":\"Bad "u8.ToArray(), 0xFF, .. "\"}\n"u8.ToArray(), .. Bytes(string.Join('\n', lines[1..]))];

        var read = await ReadAsync(content);

        Assert.Equal("line 2: invalid UTF-8 (1 of 4 rows rejected; the other 3 kept)", read.Problem);
        Assert.Equal(3, read.Papers.Count);
    }

    [Fact]
    public async Task Several_bad_bytes_near_the_start_are_invalid_utf8_not_binary()
    {
        byte[] content = [.. "{\"title\":\"A "u8.ToArray(), 0xFF, 0xFE, 0xFD, 0xC0, 0xC1, 0xF8, .. "\"}\n"u8.ToArray(), .. Bytes(FixtureFiles.Read("papers.jsonl"))];

        var read = await ReadAsync(content);

        Assert.StartsWith("line 1: invalid UTF-8 (1 of 4 rows rejected;", read.Problem);
        Assert.Equal(3, read.Papers.Count);
    }

    [Fact]
    public async Task Bad_rows_are_counted_and_the_first_three_named()
    {
        var good = "{\"title\":\"Good paper\"}";
        var content = string.Join('\n', good, "{\"title\":", good, "[1,2]", "{\"id\":\"x\"}", "{\"title\":\"cut", good) + "\n";

        var read = await ReadAsync(Bytes(content));

        Assert.Equal(
            "line 2: truncated or broken JSON; line 4: expected a JSON object; line 5: paper without a title (4 of 7 rows rejected, first 3 shown; the other 3 kept)",
            read.Problem);
    }

    [Theory]
    [InlineData("seeds/001_d1560a3ab0b30d46.txt")]
    [InlineData("hf-daily-2026-11-20.json")]
    [InlineData("arxiv-cs-cl-page1.xml")]
    public async Task Invalid_utf8_in_a_whole_document_names_its_line(string fixture)
    {
        var text = FixtureFiles.Read(fixture);
        var cut = text.IndexOf('\n', text.Length / 2) + 1;
        byte[] content = [.. Bytes(text[..cut]), 0xC3, 0x28, .. Bytes(text[cut..])];
        var line = text[..cut].Count(c => c == '\n') + 1;

        var ex = await Assert.ThrowsAsync<PaperFormatException>(() => ReadAsync(content));

        Assert.Equal($"line {line}: invalid UTF-8", ex.Message);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-16le-no-bom")]
    [InlineData("gzip")]
    public async Task Byte_order_marks_utf16_and_gzip_are_read(string encoding)
    {
        foreach (var fixture in new[] { "papers.jsonl", "seeds/000_87c15c6d745db98f.txt", "hf-daily-2026-11-20.json" })
        {
            var text = FixtureFiles.Read(fixture);
            byte[] content = encoding switch
            {
                "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Bytes(text)],
                "utf-16le" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
                "utf-16be" => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
                "utf-16le-no-bom" => Encoding.Unicode.GetBytes(text),
                _ => Gzip(Bytes(text)),
            };
            var expected = (await ReadAsync(Bytes(text))).Papers;

            var read = await ReadAsync(content);

            Assert.Null(read.Problem);
            Assert.Equal(expected.Select(p => p.Title), read.Papers.Select(p => p.Title));
        }
    }

    [Theory]
    [InlineData(new byte[] { }, "empty file")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00 }, "binary content (a zip archive: unpack it first), not a text paper source")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "binary content (a PDF document), not a text paper source")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xFF, 0xFF, 0xFF, 0xFF, 0x07 }, "broken gzip data")]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x00, 0x0E, 0x0F, 0x10, 0x11 }, "binary content, not a text paper source")]
    public async Task Unusable_bytes_have_a_one_line_reason(byte[] content, string reason)
    {
        var ex = await Assert.ThrowsAsync<PaperFormatException>(() => ReadAsync(content));

        Assert.Equal(reason, ex.Message);
    }

    [Fact]
    public async Task Random_bytes_are_binary()
    {
        var content = new byte[40_000];
        new Random(7).NextBytes(content);

        var ex = await Assert.ThrowsAsync<PaperFormatException>(() => ReadAsync(content));

        Assert.Equal("binary content, not a text paper source", ex.Message);
    }

    [Fact]
    public async Task A_nul_byte_inside_a_row_rejects_that_row_only()
    {
        byte[] content = [.. "{\"title\":\"nul\0here\"}\n"u8.ToArray(), .. Bytes(FixtureFiles.Read("papers.jsonl"))];

        var read = await ReadAsync(content);

        Assert.StartsWith("line 1: truncated or broken JSON (1 of 4 rows rejected;", read.Problem);
        Assert.Equal(3, read.Papers.Count);
    }

    [Fact]
    public async Task Deeply_nested_json_is_refused_with_its_reason()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var row = "{\"title\":\"Deep\",\"extra\":" + deep + "}\n";

        var document = await Assert.ThrowsAsync<PaperFormatException>(() => ReadAsync(Bytes(deep)));
        var lines = await ReadAsync(Bytes(row + FixtureFiles.Read("papers.jsonl")));

        Assert.Equal("JSON nested deeper than 64 levels at line 1", document.Message);
        Assert.StartsWith("line 1: JSON nested deeper than 64 levels (1 of 4 rows rejected;", lines.Problem);
    }

    [Fact]
    public async Task A_deeply_nested_atom_feed_is_refused_at_once()
    {
        var deep = "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n" + string.Concat(Enumerable.Repeat("<entry>", 200_000)) + string.Concat(Enumerable.Repeat("</entry>", 200_000)) + "</feed>";

        var ex = await Assert.ThrowsAsync<PaperFormatException>(() => ReadAsync(Bytes(deep)));

        Assert.Equal("XML nested deeper than 64 levels at line 2", ex.Message);
    }

    [Fact]
    public async Task A_row_longer_than_the_line_limit_is_rejected_without_losing_the_next_rows()
    {
        var huge = new byte[JsonLinesParser.MaxLineBytes + 1024];
        Array.Fill(huge, (byte)'a');
        "{\"title\":\""u8.CopyTo(huge);
        byte[] content = [.. huge, (byte)'\n', .. Bytes(FixtureFiles.Read("papers.jsonl"))];

        var read = await ReadAsync(content);

        Assert.Equal("line 1: longer than 16 MB (1 of 4 rows rejected; the other 3 kept)", read.Problem);
        Assert.Equal(3, read.Papers.Count);
    }

    [Fact]
    public async Task A_huge_single_line_without_a_newline_is_rejected()
    {
        var huge = new byte[JsonLinesParser.MaxLineBytes + 1024];
        Array.Fill(huge, (byte)'a');
        "{\"title\":\""u8.CopyTo(huge);

        var read = await ReadAsync(huge);

        Assert.Empty(read.Papers);
        Assert.Equal("line 1: longer than 16 MB (1 of 1 row rejected; no row kept)", read.Problem);
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(content);
        return output.ToArray();
    }
}
