using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResearchBot;
using ResearchBot.Answering;
using ResearchBot.Cli;

// researchbot: the console host. The verbs (Commands/) are parsed first; each verb then builds the host below.
return await CliApp.RunAsync(args, CliConsole.FromSystemConsole());

/// <summary>The composition root of the console host: configuration sources, logging and services.</summary>
internal partial class Program
{
    /// <summary>Builds the host; <paramref name="overrides"/> (command-line options such as <c>--db</c>) win over every other source.</summary>
    /// <param name="answering">Also add answering and digests (loads and checks the prompts, so a broken prompt fails here).</param>
    internal static IHost BuildHost(IReadOnlyDictionary<string, string?> overrides, bool answering = false) =>
        CreateBuilder(overrides, answering).Build();

    /// <summary>The host builder behind <see cref="BuildHost"/>, for hosts that add services of their own (the Discord bot).</summary>
    internal static HostApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?> overrides, bool answering)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });

        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddUserSecrets(typeof(Program).Assembly, optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides);

        builder.Logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddConfiguration(builder.Configuration.GetSection("Logging"))
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddResearchBot(builder.Configuration);
        if (answering) builder.Services.AddAnswering(builder.Configuration);
        return builder;
    }
}
