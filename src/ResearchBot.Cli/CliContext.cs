using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ResearchBot.Ingestion;
using ResearchBot.Storage;

namespace ResearchBot.Cli;

/// <summary>What the verbs of one run share: the console, configuration overrides, the global <c>--db</c> option and the host.</summary>
internal sealed class CliContext(CliConsole console, IReadOnlyDictionary<string, string?>? settings)
{
    public CliConsole Console => console;

    /// <summary><c>--db FILE</c>, accepted by every verb.</summary>
    public Option<string?> Db { get; } = new("--db")
    {
        Description = "The store's SQLite file (overrides Storage:Path; default data/researchbot.db)",
        HelpName = "FILE",
        Recursive = true,
    };

    /// <summary>Builds the host for a verb: configuration, logging and the bot's services, with <c>--db</c> applied.</summary>
    /// <param name="answering">Also add answering and digests (prompts are loaded and checked).</param>
    /// <param name="access">How the verb opens the store: read-only verbs pass <see cref="StoreAccess.Reader"/>; default <see cref="StoreAccess.Writer"/>.</param>
    public IHost OpenHost(ParseResult parse, IReadOnlyDictionary<string, string?>? extra = null, bool answering = false, StoreAccess? access = null) =>
        Program.BuildHost(Overrides(parse, extra), answering, access);

    /// <summary>The host builder with the bot's core and answering services, for a host that adds its own (the Discord bot).</summary>
    public HostApplicationBuilder CreateBuilder(ParseResult parse, StoreAccess? access = null) => Program.CreateBuilder(Overrides(parse, null), answering: true, access);

    private Dictionary<string, string?> Overrides(ParseResult parse, IReadOnlyDictionary<string, string?>? extra)
    {
        var overrides = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) overrides[key] = value;
        if (parse.GetValue(Db) is { Length: > 0 } db) overrides[$"{StorageOptions.Section}:Path"] = db;
        return overrides;
    }

    /// <summary>Fills an empty store with the bundled sample corpus (when configured), saying so on standard error.</summary>
    public async Task PrepareStoreAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var load = await services.GetRequiredService<SampleCorpusLoader>().LoadIfEmptyAsync(cancellationToken);
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        switch (load.Status)
        {
            case SampleCorpusStatus.Loaded when load.Report is { } report:
                console.WriteNote($"the store was empty: loaded the bundled sample corpus ({report.Added} papers from {load.Folder})");
                foreach (var failure in report.Failures) console.WriteError(failure.ToString());
                break;
            case SampleCorpusStatus.NotFound:
                console.WriteNote($"the store is empty and the sample corpus folder '{storage.SampleCorpus}' was not found (Storage:SampleCorpus)");
                break;
        }
    }
}
