using System.CommandLine;
using ResearchBot.Discord;

namespace ResearchBot.Cli.Commands;

/// <summary><c>discord</c>: hosts the Discord bot (Gateway v10 + REST) until SIGTERM or Ctrl+C.</summary>
internal static class DiscordCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("discord", "Run the Discord bot (token from Discord:Token in user-secrets or the Discord__Token environment variable)");
        command.SetAction((parse, ct) => RunAsync(cli, parse, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, CancellationToken ct)
    {
        // Every setting, the bot's own included, is checked before the store is touched or the gateway is dialled.
        var builder = cli.CreateBuilder(parse, ResearchBot.Storage.StoreAccess.ExistingWriter);
        builder.Services.AddDiscordBot(builder.Configuration);
        using (var host = Program.BuildValidated(builder))
            await cli.PrepareStoreAsync(host.Services, ct);
        return await DiscordBotHost.RunAsync(cli.CreateBuilder(parse, ResearchBot.Storage.StoreAccess.ExistingWriter), ct);
    }
}
