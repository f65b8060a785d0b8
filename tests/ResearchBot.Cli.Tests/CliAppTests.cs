namespace ResearchBot.Cli.Tests;

public sealed class CliAppTests
{
    private static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new StringReader(""), output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Help_lists_every_verb_and_the_db_option()
    {
        var result = await RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var verb in new[] { "repl", "ask", "digest", "ingest", "search", "stats", "eval", "bench", "reembed", "discord", "--db" })
            Assert.Contains(verb, result.Out);
    }

    [Fact]
    public async Task An_unknown_verb_is_a_one_line_usage_error()
    {
        var result = await RunAsync("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(result.ErrorLines));
        Assert.Contains("frobnicate", result.Error);
    }

    [Fact]
    public async Task A_missing_required_argument_is_a_one_line_usage_error()
    {
        var result = await RunAsync("ingest");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(result.ErrorLines));
        Assert.Contains("ingest", result.Error);
    }
}
