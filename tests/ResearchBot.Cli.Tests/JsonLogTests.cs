using System.Text.Json;

namespace ResearchBot.Cli.Tests;

/// <summary><c>Logging:Console:FormatterName</c> = <c>json</c>: one JSON object per log line, for containers.</summary>
public sealed class JsonLogTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static bool IsJsonLog(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.TryGetProperty("LogLevel", out _) && doc.RootElement.TryGetProperty("Category", out _);
        }
        catch (JsonException) { return false; }
    }

    [Fact]
    public async Task Json_logs_are_one_object_per_line_and_text_logs_are_not_json()
    {
        var json = await CliProcess.RunAsync(_cli.Folder, ["ingest", CliRunner.SamplePage(0), "--db", _cli.Db], new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information", ["Logging:Console:FormatterName"] = "json",
        });
        var text = await CliProcess.RunAsync(_cli.Folder, ["ingest", CliRunner.SamplePage(1), "--db", _cli.Db], new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
        });

        Assert.Equal(0, json.ExitCode);
        Assert.Contains(json.ErrorLines, IsJsonLog);
        Assert.Equal(0, text.ExitCode);
        Assert.NotEmpty(text.ErrorLines);
        Assert.DoesNotContain(text.ErrorLines, IsJsonLog);
    }

    [Fact]
    public async Task An_unknown_formatter_is_a_configuration_error()
    {
        var result = await _cli.RunAsync(["stats"], settings: new Dictionary<string, string?> { ["Logging:Console:FormatterName"] = "xml" });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: configuration: Logging:Console:FormatterName: 'xml' is not one of text, json", Assert.Single(result.ErrorLines));
    }
}
