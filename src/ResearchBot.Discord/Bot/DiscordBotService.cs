using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchBot.Discord.Gateway;

namespace ResearchBot.Discord.Bot;

/// <summary>
/// Hosts the bot: keeps the gateway connected; a fatal close code stops the host with exit code 1; on stop the gateway is
/// closed with 1000 and answers in flight get <see cref="DiscordOptions.ShutdownGrace"/> to finish.
/// </summary>
public sealed class DiscordBotService(
    GatewayClient gateway,
    InFlightTracker inFlight,
    IOptions<DiscordOptions> options,
    IHostApplicationLifetime lifetime,
    IExitCode exitCode,
    ILogger<DiscordBotService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        log.LogInformation("Starting the Discord bot: {Options}", options.Value);
        if (string.IsNullOrWhiteSpace(options.Value.Token))
        {
            Fail("Discord:Token is not set: put the bot token in the environment (Discord__Token) or user-secrets");
            return;
        }
        try
        {
            await gateway.RunAsync(stoppingToken);
        }
        catch (GatewayFatalException ex)
        {
            Fail(ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogCritical(ex, "The Discord gateway client failed unexpectedly");
            Fail(ex.Message);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await inFlight.DrainAsync(options.Value.ShutdownGrace, cancellationToken);
        log.LogInformation("Discord bot stopped");
    }

    private void Fail(string message)
    {
        log.LogCritical("The Discord bot cannot run: {Reason}", message);
        exitCode.Set(1);
        lifetime.StopApplication();
    }
}
