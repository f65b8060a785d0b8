using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Cli.Repl;
using ResearchBot.Storage;

namespace ResearchBot.Cli.Commands;

/// <summary>
/// <c>repl</c>, also what runs when no verb is given: chat with the papers (see <see cref="ReplSession"/>). On a terminal
/// it prompts and streams; with standard input redirected it answers one question per line and exits at end of input.
/// </summary>
internal static class ReplCommand
{
    public const string Name = "repl";

    public static Command Create(CliContext cli)
    {
        var command = new Command(Name, "Chat with the papers: questions, follow-ups and /commands (the default when no verb is given)");
        command.SetAction((parse, ct) => RunAsync(cli, parse, ct));
        return command;
    }

    /// <summary>Makes the REPL the root command's action.</summary>
    public static void SetAsDefault(RootCommand root, CliContext cli) => root.SetAction((parse, ct) => RunAsync(cli, parse, ct));

    /// <summary>True when <paramref name="parse"/> runs the REPL (which then handles Ctrl+C itself).</summary>
    public static bool Runs(ParseResult parse) => parse.CommandResult.Command is RootCommand || parse.CommandResult.Command.Name == Name;

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, CancellationToken ct)
    {
        using var host = cli.OpenHost(parse, answering: true, access: StoreAccess.Reader);
        await cli.PrepareStoreAsync(host.Services, ct);
        var console = cli.Console;
        var interactive = console.IsTerminal && !(console.IsSystemConsole && Console.IsInputRedirected);
        return await new ReplSession(console, host.Services, interactive).RunAsync(ct);
    }
}
