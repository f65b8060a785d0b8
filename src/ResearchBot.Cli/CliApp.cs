using System.CommandLine;
using System.Data.Common;
using Microsoft.Extensions.Options;
using ResearchBot.Cli.Commands;
using ResearchBot.Embeddings;
using ResearchBot.Ingestion;
using ResearchBot.Storage;

namespace ResearchBot.Cli;

/// <summary>
/// The command line: parses the arguments into a verb (one per file under <c>Commands/</c>), runs it, and turns every user
/// mistake into one <c>error: …</c> line on standard error with a non-zero exit code. Tests call <see cref="RunAsync(string[], TextReader, TextWriter, TextWriter, IReadOnlyDictionary{string, string?}?, CancellationToken)"/>.
/// </summary>
public static class CliApp
{
    public const int ExitOk = 0;
    /// <summary>The verb failed (bad input file, unreachable source, store error).</summary>
    public const int ExitFailure = 1;
    /// <summary>The command line itself is wrong (unknown option, bad date, missing argument).</summary>
    public const int ExitUsage = 2;
    public const int ExitCancelled = 130;

    /// <summary>Runs the CLI in-process over the given streams.</summary>
    /// <param name="settings">Configuration overrides (e.g. <c>Embeddings:Offline:Dimensions</c>), applied before command-line options.</param>
    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr,
        IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliConsole(stdin, stdout, stderr), settings, cancellationToken);

    /// <summary>Runs the CLI over a console.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, IReadOnlyDictionary<string, string?>? settings = null,
        CancellationToken cancellationToken = default)
    {
        var cli = new CliContext(console, settings);
        var root = BuildRootCommand(cli);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) console.WriteError(error.Message);
            return ExitUsage;
        }
        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };
        // The REPL handles Ctrl+C itself: it stops the current answer, not the program.
        if (!console.IsSystemConsole || ReplCommand.Runs(parse)) invocation.ProcessTerminationTimeout = null;
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (Exception ex) when (DescribeAny(ex) is { } failure)
        {
            console.WriteError(failure.Message);
            return failure.ExitCode;
        }
    }

    internal static RootCommand BuildRootCommand(CliContext cli)
    {
        var root = new RootCommand("ResearchBot: ingest AI papers, search them, ask questions with cited answers, and read daily digests. Without a verb: the REPL.")
        {
            cli.Db,
            ReplCommand.Create(cli),
            AskCommand.Create(cli),
            DigestCommand.Create(cli),
            IngestCommand.Create(cli),
            SearchCommand.Create(cli),
            StatsCommand.Create(cli),
            EvalCommand.Create(cli),
            BenchCommand.Create(cli),
            ReembedCommand.Create(cli),
            DiscordCommand.Create(cli),
        };
        ReplCommand.SetAsDefault(root, cli);
        return root;
    }

    /// <summary>The one-line message and exit code for an exception or one it wraps, or null for a bug (which then surfaces as is).</summary>
    private static (string Message, int ExitCode)? DescribeAny(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (Describe(e) is { } failure) return failure;
        return null;
    }

    private static (string Message, int ExitCode)? Describe(Exception ex) => ex switch
    {
        CliException e => (e.Message, e.ExitCode),
        OperationCanceledException => ("cancelled", ExitCancelled),
        OptionsValidationException e => ("configuration: " + string.Join("; ", e.Failures.Distinct()), ExitUsage),
        AggregateException e when e.InnerExceptions.Count > 0 && e.InnerExceptions.All(i => i is OptionsValidationException) =>
            ("configuration: " + string.Join("; ", e.InnerExceptions.SelectMany(i => ((OptionsValidationException)i).Failures).Distinct()), ExitUsage),
        EmbeddingMismatchException e => (e.Message, ExitFailure),
        StoreNotFoundException e => (e.Message, ExitUsage),
        StoreUnavailableException e => (e.Message, ExitFailure),
        ResearchBot.Prompts.PromptLoadException e => ("prompts: " + e.Message, ExitUsage),
        ResearchBot.ChatClients.ChatProviderException e => (e.Message, ExitFailure),
        PaperSourceException e => (e.Message, ExitFailure),
        DbException e => ("store: " + e.Message, ExitFailure), // any storage provider's database error (SQLite, PostgreSQL)
        InvalidOperationException e when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => ("configuration: " + ConfigurationValue.Describe(e.Message), ExitUsage),
        IOException or UnauthorizedAccessException => (ex.Message, ExitFailure),
        _ => null,
    };
}
