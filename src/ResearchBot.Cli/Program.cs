using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using ResearchBot;
using ResearchBot.Answering;
using ResearchBot.Cli;
using ResearchBot.Cli.Output;
using ResearchBot.Storage;

// researchbot: the console host. The verbs (Commands/) are parsed first; each verb then builds the host below.
return await CliApp.RunAsync(args, CliConsole.FromSystemConsole());

/// <summary>The composition root of the console host: configuration sources, logging and services.</summary>
internal partial class Program
{
    /// <summary>Builds the host; <paramref name="overrides"/> (command-line options such as <c>--db</c>) win over every other source.</summary>
    /// <param name="answering">Also add answering and digests (loads and checks the prompts, so a broken prompt fails here).</param>
    /// <remarks>Every options class is validated here (the verbs never start the host): a bad setting fails before any work, naming its key.</remarks>
    /// <param name="access">How the store is opened (default <see cref="StoreAccess.Writer"/>).</param>
    internal static IHost BuildHost(IReadOnlyDictionary<string, string?> overrides, bool answering = false, StoreAccess? access = null) =>
        BuildValidated(CreateBuilder(overrides, answering, access));

    /// <summary>Builds <paramref name="builder"/> and runs the options' start-up validation (<c>ValidateOnStart</c>) without starting the host.</summary>
    internal static IHost BuildValidated(HostApplicationBuilder builder)
    {
        var host = builder.Build();
        try
        {
            host.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>The host builder behind <see cref="BuildHost"/>, for hosts that add services of their own (the Discord bot).</summary>
    internal static HostApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?> overrides, bool answering, StoreAccess? access = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });

        SettingsFiles.Add(builder.Configuration, c => c.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true));
        SettingsFiles.Add(builder.Configuration, c => c.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true));
        SettingsFiles.Add(builder.Configuration, c => c.AddUserSecrets(typeof(Program).Assembly, optional: true));
        builder.Configuration
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides);

        LoggingSettings.Check(builder.Configuration);
        var json = LoggingSettings.WantsJson(builder.Configuration);
        builder.Logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddConfiguration(builder.Configuration.GetSection("Logging"))
            .AddConsole(o =>
            {
                o.LogToStandardErrorThreshold = LogLevel.Trace;
                o.FormatterName = json ? ConsoleFormatterNames.Json : SafeConsoleFormatter.FormatterName;
            })
            .AddConsoleFormatter<SafeConsoleFormatter, ConsoleFormatterOptions>();
        if (json) builder.Logging.AddJsonConsole(o => o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false });

        builder.Services.AddSingleton(access ?? StoreAccess.Writer);
        builder.Services.AddResearchBot(builder.Configuration);
        builder.Services.AddAnsweringSettings(builder.Configuration);
        if (answering) builder.Services.AddAnswering(builder.Configuration);
        return builder;
    }
}
