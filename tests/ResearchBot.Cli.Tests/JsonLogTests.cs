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

    /// <summary>The bot host without a token: it logs its start and the reason it stops, then exits with 1.</summary>
    private Task<CliResult> RunBotWithoutTokenAsync(string? formatter) => CliProcess.RunAsync(_cli.Folder, ["discord", "--db", _cli.Db], new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information", ["Logging:Console:FormatterName"] = formatter, ["Health:Url"] = "", ["Discord:Token"] = "",
    });

    [Fact]
    public async Task Json_logs_are_one_object_per_line_and_text_logs_are_not_json()
    {
        // A store with papers already (the notice about loading the sample corpus into an empty store is not a log).
        Assert.Equal(0, (await _cli.RunAsync("ingest", CliRunner.SamplePage(0))).ExitCode);
        var json = await RunBotWithoutTokenAsync("json");
        var text = await RunBotWithoutTokenAsync(null);

        Assert.Equal(1, json.ExitCode);
        Assert.NotEmpty(json.ErrorLines);
        Assert.All(json.ErrorLines, line => Assert.True(IsJsonLog(line), line));
        Assert.Contains(json.ErrorLines, l => l.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal) && l.Contains("Discord:Token is not set", StringComparison.Ordinal));
        Assert.Equal(1, text.ExitCode);
        Assert.Contains(text.ErrorLines, l => l.Contains("Discord:Token is not set", StringComparison.Ordinal));
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
