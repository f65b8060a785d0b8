using System.Diagnostics;

namespace ResearchBot.Cli.Tests;

/// <summary>
/// Every options class is checked at start: a nonsense number, an undefined enum value, a bad URL or duration, or a value of
/// the wrong type is one <c>error: configuration: KEY …</c> line and exit 2, in every verb, before any work; a malformed
/// settings file is <c>error: configuration: FILE: reason</c>.
/// </summary>
public sealed class SettingsValidationTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static void AssertConfigurationError(CliResult result, string key)
    {
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: configuration: ", line);
        Assert.Contains(key, line);
        Assert.DoesNotContain(" at ResearchBot", result.Error);
        Assert.DoesNotContain("Exception", result.Error);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("Embeddings:Offline:Dimensions", "0")]
    [InlineData("Embeddings:Offline:Dimensions", "-1")]
    [InlineData("Embeddings:Offline:MaxGram", "-1")]
    [InlineData("Embeddings:Offline:MinGram", "0")]
    [InlineData("Embeddings:Offline:CharGramWeight", "-2")]
    [InlineData("Embeddings:BatchSize", "0")]
    [InlineData("Embeddings:Dimensions", "-5")]
    [InlineData("Embeddings:Provider", "Cohere")]
    [InlineData("Embeddings:Endpoint", "localhost:8000/v1")]
    [InlineData("Retrieval:VectorWeight", "-1")]
    [InlineData("Retrieval:NearDuplicateSimilarity", "0")]
    [InlineData("Retrieval:NearDuplicateSimilarity", "1.5")]
    [InlineData("Retrieval:Candidates", "0")]
    [InlineData("Retrieval:K1", "0")]
    [InlineData("Retrieval:K1", "-1.2")]
    [InlineData("Retrieval:B", "0")]
    [InlineData("Retrieval:B", "2")]
    [InlineData("Retrieval:RelevanceThreshold", "0")]
    [InlineData("Retrieval:RelevanceThreshold", "-0.5")]
    [InlineData("Retrieval:ProximityWindow", "0")]
    [InlineData("Retrieval:TitleWeight", "NaN")]
    [InlineData("Retrieval:CommonTermFraction", "0")]
    [InlineData("Retrieval:TypoMinLength", "-3")]
    [InlineData("Answering:OfflineSentences", "0")]
    [InlineData("Answering:OfflineSourcePapers", "-1")]
    [InlineData("Answering:MaxSources", "0")]
    [InlineData("Digest:Themes", "-1")]
    [InlineData("Digest:Themes", "0")]
    [InlineData("Chat:Provider", "7")]
    [InlineData("Chat:Timeout", "-00:00:05")]
    [InlineData("Chat:Timeout", "00:00:00")]
    [InlineData("Chat:Endpoint", "not a url")]
    [InlineData("Chat:Endpoint", "ftp://models.example/v1")]
    [InlineData("Chat:MaxRetries", "-1")]
    [InlineData("Chat:MaxToolCalls", "-1")]
    [InlineData("Chat:ContextTokens", "0")]
    [InlineData("Prompts:Directory", "/no/such/prompts")]
    [InlineData("Sources:HuggingFace:BaseUrl", "/daily")]
    [InlineData("Sources:HuggingFace:Timeout", "-00:00:01")]
    [InlineData("Sources:Arxiv:RetryDelay", "-00:00:01")]
    [InlineData("Sources:Arxiv:PageSize", "0")]
    public async Task A_nonsense_value_is_one_error_line_naming_the_key_and_exit_2(string key, string value)
    {
        var result = await _cli.RunAsync(["search", "attention"], settings: new Dictionary<string, string?> { [key] = value });

        AssertConfigurationError(result, key);
        Assert.False(File.Exists(_cli.Db), "nothing is written before the settings are checked");
    }

    [Fact]
    public async Task A_model_provider_without_a_model_is_a_configuration_error()
    {
        var result = await _cli.RunAsync(["ask", "what is attention?"], settings: new Dictionary<string, string?> { ["Chat:Provider"] = "OpenAI" });

        AssertConfigurationError(result, "Chat:Model");
    }

    [Fact]
    public async Task MinGram_above_MaxGram_is_refused()
    {
        var result = await _cli.RunAsync(["stats"], settings: new Dictionary<string, string?> { ["Embeddings:Offline:MinGram"] = "6", ["Embeddings:Offline:MaxGram"] = "4" });

        AssertConfigurationError(result, "Embeddings:Offline:MinGram");
        Assert.Contains("MaxGram", result.Error);
    }

    [Theory]
    [InlineData("Retrieval:K1", "abc", "is not a number")]
    [InlineData("Answering:OfflineSentences", "five", "is not a whole number")]
    [InlineData("Storage:LoadSampleWhenEmpty", "maybe", "is not true or false")]
    [InlineData("Chat:Timeout", "soon", "is not a duration")]
    [InlineData("Chat:Provider", "Claude", "ChatProvider")]
    [InlineData("Digest:Themes", "many", "is not a whole number")]
    [InlineData("Sources:Arxiv:BaseUrl", "http://[bad", "Sources:Arxiv:BaseUrl")]
    [InlineData("Logging:LogLevel:Default", "Loud", "is not one of Trace")]
    [InlineData("Logging:Console:LogLevel:ResearchBot", "7", "is not one of Trace")]
    public async Task A_value_of_the_wrong_type_is_one_error_line_and_exit_2(string key, string value, string reason)
    {
        var result = await _cli.RunAsync(["search", "attention"], settings: new Dictionary<string, string?> { [key] = value });

        AssertConfigurationError(result, key);
        Assert.Contains(reason, result.Error);
    }

    [Theory]
    [InlineData("search", "attention")]
    [InlineData("ask", "what is attention?")]
    [InlineData("digest")]
    [InlineData("stats")]
    [InlineData("repl")]
    [InlineData("ingest", "hf")]
    [InlineData("reembed")]
    [InlineData("eval")]
    [InlineData("discord")]
    public async Task Every_verb_checks_the_settings_before_it_works(params string[] args)
    {
        if (args is ["eval"]) args = ["eval", _cli.Write("questions.jsonl", "{\"q\": \"attention\", \"gold\": [\"Attention Is All You Need\"]}\n")];
        foreach (var (key, value) in new[] { ("Retrieval:Candidates", "0"), ("Chat:MaxRetries", "abc") })
        {
            var result = await _cli.RunAsync(args, settings: new Dictionary<string, string?> { [key] = value, ["Discord:Token"] = "t" });

            AssertConfigurationError(result, key);
        }
    }

    [Theory]
    [InlineData("Discord:MaxQuestionLength", "abc")]
    [InlineData("Discord:MaxHistoryTurns", "0")]
    [InlineData("Discord:ApiBaseUrl", "discord.com/api")]
    [InlineData("Discord:UserAgentUrl", "not a url")]
    [InlineData("Discord:GuildId", "-3")]
    public async Task The_discord_verb_checks_the_bot_settings_too(string key, string value)
    {
        var result = await _cli.RunAsync(["discord"], settings: new Dictionary<string, string?> { [key] = value, ["Discord:Token"] = "t" });

        AssertConfigurationError(result, key);
    }

    [Theory]
    [InlineData("{ \"Retrieval\": { \"K1\": 1.2, }", "(line ")]
    [InlineData("{\n  \"Retrieval\": { \"K1\": is }\n}", "'i' is an invalid start of a value. (line 2, byte 24)")]
    [InlineData("{\"Retrieval\": {\"K1\": 1, \"K1\": 2}}", "duplicate key")]
    [InlineData("[1, 2]", "object")]
    [InlineData("", "JSON")]
    public async Task A_malformed_settings_file_is_one_error_line_naming_the_file_and_exit_2(string content, string reason)
    {
        var settingsFile = _cli.Write("appsettings.json", content);

        var (code, stdout, stderr) = await RunProcessAsync(_cli.Folder, "stats", "--db", _cli.Db);

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"error: configuration: {settingsFile}: ", line);
        Assert.Contains(reason, line, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(stdout);
    }

    /// <summary>Runs the built CLI as its own process (the settings file is read from the working directory).</summary>
    private static async Task<(int Code, string Out, string Error)> RunProcessAsync(string workingDirectory, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "researchbot.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
