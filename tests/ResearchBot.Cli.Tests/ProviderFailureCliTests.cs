using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ResearchBot.TestSupport.OpenAi;

namespace ResearchBot.Cli.Tests;

/// <summary>
/// Every provider failure, run through the real CLI process (console logging included) for each provider: <c>ask</c>
/// prints one <c>error:</c> line naming the provider and the cause and exits 1; the piped REPL prints the same line and
/// answers the next question; nothing on either stream looks like a stack trace, and the API key never appears.
/// </summary>
public sealed partial class ProviderFailureCliTests : IDisposable
{
    private const string Key = "sk-live-Pq0rS7tUv1wXy3zAb5";
    private const string Question = "KV cache reduction by selecting key tokens";
    private const string Good = "Keyformer keeps only a small set of key tokens [1].";

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>A failure: what the fake server replies (scripted in order) and what the error line must say.</summary>
    private sealed record Fault(string Name, FakeReply[] Replies, string Expected);

    private static Fault[] Faults(string provider) =>
    [
        new("malformed", [FakeReply.Malformed("Keyformer")], "malformed reply"),
        new("cut off", [FakeReply.CutOff("Keyformer keeps only")], "cut off"),
        new("no choices", [FakeReply.EmptyChoices()], "the reply was empty"),
        new("empty answer", [FakeReply.Text(" ")], "the reply was empty"),
        new("stall", [FakeReply.Stall("Keyformer", TimeSpan.FromMinutes(5))], "timed out"),
        new("long Retry-After", [FakeReply.Status(429, retryAfter: "600")], $"rate limited by {provider}; retry after 600 s"),
        new("401 echoing the key", [FakeReply.RejectKey()], "401"),
        new("500 after a retry", [FakeReply.Status(500), FakeReply.Status(500)], "500"),
    ];

    [Fact]
    public Task OpenAI_compatible_every_failure_is_one_error_line_in_ask_and_the_repl_goes_on() =>
        RunAllAsync("OpenAI", async port =>
        {
            var server = await FakeOpenAiServer.StartAsync(port);
            return (server.Endpoint, r => server.Enqueue(r), server);
        }, endpoint => endpoint.ToString());

    [Fact]
    public Task Ollama_every_failure_is_one_error_line_in_ask_and_the_repl_goes_on() =>
        RunAllAsync("Ollama", async port =>
        {
            var server = await FakeOllamaServer.StartAsync(port);
            return (server.Endpoint, r => server.Enqueue(r), server);
        }, endpoint => endpoint.ToString());

    private async Task RunAllAsync(string provider, Func<int, Task<(Uri Endpoint, Action<FakeReply[]> Enqueue, IAsyncDisposable Server)>> start, Func<Uri, string> endpointSetting)
    {
        Assert.Equal(0, (await _cli.RunAsync("ingest", CliRunner.SampleFolder)).ExitCode);
        var (endpoint, enqueue, server) = await start(0);
        await using (server)
        {
            var settings = Settings(provider, endpointSetting(endpoint));
            var faults = Faults(provider);

            foreach (var fault in faults)
            {
                enqueue(fault.Replies);
                var ask = await CliProcess.RunAsync(_cli.Folder, ["ask", Question, "--db", _cli.Db], settings);
                Assert.True(ask.ExitCode == 1, $"{fault.Name}: exit {ask.ExitCode}\n{ask.Out}\n{ask.Error}");
                AssertOneErrorLine(ask, provider, fault);
            }

            // The piped REPL: each failure, then a question that is answered; /new keeps follow-up condensing out of it.
            var input = string.Concat(faults.Select(_ => $"{Question}\n{Question}\n/new\n"));
            foreach (var fault in faults) enqueue([.. fault.Replies, FakeReply.Text(Good)]);
            var repl = await CliProcess.RunAsync(_cli.Folder, ["--db", _cli.Db], settings, input);

            Assert.True(repl.ExitCode == 0, $"exit {repl.ExitCode}\n{repl.Out}\n{repl.Error}");
            var errors = repl.ErrorLines;
            Assert.Equal(faults.Length, errors.Length);
            for (var i = 0; i < faults.Length; i++) AssertErrorLine(errors[i], provider, faults[i]);
            Assert.Equal(faults.Length, Regex.Matches(repl.Out, Regex.Escape(Good)).Count);
            AssertClean(repl);
        }

        // A refused connection (a closed port), retried and given up: then the provider comes up and the REPL answers.
        var closed = ClosedPort();
        var refused = Settings(provider, endpointSetting(new UriBuilder(endpoint) { Port = closed }.Uri), maxRetries: 2);
        var refusedFault = new Fault("connection refused", [], "cannot connect");
        AssertOneErrorLine(await CliProcess.RunAsync(_cli.Folder, ["ask", Question, "--db", _cli.Db], refused), provider, refusedFault);

        await using var session = CliProcess.Start(_cli.Folder, ["--db", _cli.Db], refused);
        await session.WriteAsync(Question + "\n");
        await session.WaitForErrorsAsync(1, TimeSpan.FromMinutes(1));
        var (_, enqueueLater, later) = await start(closed);
        await using (later)
        {
            enqueueLater([FakeReply.Text(Good)]);
            await session.WriteAsync(Question + "\n");
            var result = await session.EndAsync();
            Assert.Equal(0, result.ExitCode);
            AssertErrorLine(Assert.Single(result.ErrorLines), provider, refusedFault);
            Assert.Contains(Good, result.Out);
            AssertClean(result);
        }
    }

    private static void AssertOneErrorLine(CliResult result, string provider, Fault fault)
    {
        Assert.True(result.ErrorLines.Length == 1, $"{fault.Name}: standard error has {result.ErrorLines.Length} lines:\n{result.Error}");
        AssertErrorLine(result.ErrorLines[0], provider, fault);
        AssertClean(result);
    }

    private static void AssertErrorLine(string line, string provider, Fault fault)
    {
        Assert.True(line.StartsWith($"error: The language model ({provider} model 'test-model' at ", StringComparison.Ordinal), $"{fault.Name}: {line}");
        Assert.True(line.Contains(fault.Expected, StringComparison.Ordinal), $"{fault.Name}: expected '{fault.Expected}' in: {line}");
    }

    /// <summary>No stack trace, exception dump or key on either stream.</summary>
    private static void AssertClean(CliResult result)
    {
        var all = result.Out + "\n" + result.Error;
        Assert.DoesNotMatch(StackFrame(), all);
        Assert.DoesNotContain("Exception:", all);
        Assert.DoesNotContain("Unhandled", all);
        Assert.DoesNotContain(Key, all);
        Assert.DoesNotContain(Key[..12], all);
    }

    private static Dictionary<string, string?> Settings(string provider, string endpoint, int maxRetries = 1) => new()
    {
        ["Chat:Provider"] = provider,
        ["Chat:Endpoint"] = endpoint,
        ["Chat:Model"] = "test-model",
        ["Chat:ApiKey"] = Key,
        ["Chat:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Chat:Timeout"] = "00:00:05",
    };

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [GeneratedRegex(@"(?m)^\s*at \S+\(|--- End of (inner exception )?stack trace")]
    private static partial Regex StackFrame();
}
