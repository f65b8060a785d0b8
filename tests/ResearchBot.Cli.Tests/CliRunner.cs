using ResearchBot.Ingestion;

namespace ResearchBot.Cli.Tests;

/// <summary>What one in-process CLI run printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A scratch folder with a store path in it, deleted when the test ends; runs the CLI against that store.</summary>
internal sealed class CliRunner : IDisposable
{
    public CliRunner() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "rb-cli-" + Guid.NewGuid().ToString("N"));

    public string Db => Path.Combine(Folder, "papers.db");

    /// <summary>The bundled sample corpus (the five seed pages), as copied next to the test assembly.</summary>
    public static string SampleFolder { get; } = SampleCorpusLoader.Locate("data/sample") ?? throw new InvalidOperationException("data/sample not found");

    public static string SamplePage(int index) => Directory.GetFiles(SampleFolder).Order(StringComparer.Ordinal).ElementAt(index);

    /// <summary>Runs <c>researchbot ARGS --db STORE</c> with the given standard input and configuration overrides.</summary>
    public async Task<CliResult> RunAsync(string[] args, string stdin = "", IReadOnlyDictionary<string, string?>? settings = null)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--db", Db], input, output, error, settings);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, "");

    /// <summary>The CLI's own host over this runner's store (dispose it), for checking what the store holds.</summary>
    /// <param name="answering">Also add the answer and digest services.</param>
    public Microsoft.Extensions.Hosting.IHost OpenHost(bool answering = false) =>
        Program.BuildHost(new Dictionary<string, string?> { ["Storage:Path"] = Db }, answering);

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover scratch folder in the temp directory is harmless.
        }
    }
}
