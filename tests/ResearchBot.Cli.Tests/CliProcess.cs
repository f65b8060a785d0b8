using System.Diagnostics;
using System.Text;

namespace ResearchBot.Cli.Tests;

/// <summary>
/// The real CLI as a child process (<c>dotnet researchbot.dll</c> from the CLI project's own build output, which the
/// test project builds first), with configuration passed as
/// environment variables: what a person sees on standard output and standard error, console logging included.
/// </summary>
internal sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();
    private readonly object _gate = new();

    private CliProcess(Process process) => _process = process;

    /// <summary>Starts <c>researchbot ARGS</c> in <paramref name="folder"/> with <paramref name="settings"/> (keys such as <c>Chat:Model</c>).</summary>
    public static CliProcess Start(string folder, IEnumerable<string> args, IReadOnlyDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Program);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Chat__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Logging__", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var cli = new CliProcess(new Process { StartInfo = start });
        cli._process.OutputDataReceived += (_, e) => cli.Append(cli._out, e.Data);
        cli._process.ErrorDataReceived += (_, e) => cli.Append(cli._error, e.Data);
        cli._process.Start();
        cli._process.BeginOutputReadLine();
        cli._process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>The CLI's entry assembly: tests/ResearchBot.Cli.Tests/bin/CONFIG/TFM → src/ResearchBot.Cli/bin/CONFIG/TFM.</summary>
    private static string Program { get; } = Locate();

    private static string Locate()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var tfm = here.Name;
        var configuration = here.Parent!.Name;
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "ResearchBot.Cli", "bin", configuration, tfm, "researchbot.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"researchbot.dll of src/ResearchBot.Cli/bin/{configuration}/{tfm} not found above {AppContext.BaseDirectory}");
    }

    /// <summary>Runs to the end with <paramref name="stdin"/> as standard input.</summary>
    public static async Task<CliResult> RunAsync(string folder, IEnumerable<string> args, IReadOnlyDictionary<string, string?> settings, string stdin = "")
    {
        await using var cli = Start(folder, args, settings);
        await cli.WriteAsync(stdin);
        return await cli.EndAsync();
    }

    /// <summary>Writes to standard input.</summary>
    public async Task WriteAsync(string text)
    {
        await _process.StandardInput.WriteAsync(text);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits until standard error has <paramref name="count"/> lines starting with <c>error:</c>.</summary>
    public async Task WaitForErrorsAsync(int count, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (ErrorLineCount() < count)
        {
            if (DateTime.UtcNow > until || _process.HasExited) throw new TimeoutException($"the CLI wrote {ErrorLineCount()} error lines, not {count}: {Snapshot(_error)}");
            await Task.Delay(50);
        }
    }

    /// <summary>Standard output so far.</summary>
    public string Output => Snapshot(_out);

    /// <summary>Waits until standard output holds <paramref name="text"/>; false when <paramref name="limit"/> passes first.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (!Snapshot(_out).Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > until || _process.HasExited) return false;
            await Task.Delay(50);
        }
        return true;
    }

    /// <summary>Closes standard input and waits for the exit (two minutes at most).</summary>
    public async Task<CliResult> EndAsync()
    {
        _process.StandardInput.Close();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync(limit.Token);
        _process.WaitForExit();
        return new CliResult(_process.ExitCode, Snapshot(_out), Snapshot(_error));
    }

    private int ErrorLineCount() => Snapshot(_error).Split('\n').Count(l => l.StartsWith("error:", StringComparison.Ordinal));

    private void Append(StringBuilder target, string? line)
    {
        if (line is null) return;
        lock (_gate) target.Append(line).Append('\n');
    }

    private string Snapshot(StringBuilder source)
    {
        lock (_gate) return source.ToString();
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
