using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ResearchBot.Discord;

/// <summary>Runs the bot in a Generic Host: what <c>ResearchBot.Cli discord</c> calls once the core services are registered.</summary>
public static class DiscordBotHost
{
    /// <summary>Adds the bot to <paramref name="builder"/>, runs until SIGTERM/Ctrl+C (or a fatal gateway error), and returns the exit code.</summary>
    public static async Task<int> RunAsync(HostApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        builder.Services.AddDiscordBot(builder.Configuration);
        using var host = builder.Build();
        try
        {
            await host.RunAsync(cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures) await Console.Error.WriteLineAsync(failure);
            return 2;
        }
        return Environment.ExitCode;
    }
}
