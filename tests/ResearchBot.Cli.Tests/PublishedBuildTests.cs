using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ResearchBot.Cli.Tests;

/// <summary>
/// <c>dotnet publish src/ResearchBot.Cli -c Release -o out</c> runs from any folder: the prompts and the sample corpus are
/// built in, so <c>ask</c> in an unrelated folder fills a new store and answers with a citation.
/// </summary>
public sealed partial class PublishedBuildTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rb-published-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_published_build_run_from_an_unrelated_folder_answers_ask_with_a_citation()
    {
        var output = Path.Combine(_root, "out");
        var publish = await RunAsync(Dotnet, _root, "publish", Path.Combine(RepositoryRoot(), "src", "ResearchBot.Cli"), "-c", "Release", "-o", output,
            "-p:UseAppHost=false", "-nodeReuse:false");
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.False(Directory.Exists(Path.Combine(output, "prompts")), "no prompts folder beside the build");
        Assert.False(Directory.Exists(Path.Combine(output, "data")), "no sample folder beside the build");

        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "somewhere", "else")).FullName;
        var ask = await RunAsync(Dotnet, elsewhere, Path.Combine(output, "researchbot.dll"), "ask", "How can the KV cache of long-context inference be compressed?",
            "--db", Path.Combine(elsewhere, "store.db"));

        Assert.True(ask.ExitCode == 0, ask.Output);
        Assert.Matches(Citation(), ask.Output);
        Assert.DoesNotContain("error:", ask.Output);
    }

    [GeneratedRegex(@"\[\d+\][^\n]*\n(.|\n)*\n\s*\[1\] ")]
    private static partial Regex Citation();

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ResearchBot.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("ResearchBot.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal)).ToList()) start.Environment.Remove(key);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
