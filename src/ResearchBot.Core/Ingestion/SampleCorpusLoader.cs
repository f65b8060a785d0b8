using Microsoft.Extensions.Options;
using ResearchBot.Storage;

namespace ResearchBot.Ingestion;

/// <summary>
/// Fills an empty store with the bundled sample corpus (<c>Storage:SampleCorpus</c>, the seed Daily Papers pages) when
/// <c>Storage:LoadSampleWhenEmpty</c> is on, so a fresh clone answers offline.
/// </summary>
public sealed class SampleCorpusLoader(IPaperStore store, IIngestionService ingestion, IOptions<StorageOptions> options)
{
    /// <summary>Loads the sample corpus if the store is empty and loading is enabled; returns what happened.</summary>
    public async Task<SampleCorpusLoad> LoadIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        if (!o.LoadSampleWhenEmpty) return new SampleCorpusLoad(SampleCorpusStatus.Disabled, null, null);
        if (await store.CountAsync(cancellationToken: cancellationToken).ConfigureAwait(false) > 0)
            return new SampleCorpusLoad(SampleCorpusStatus.NotNeeded, null, null);
        var folder = Locate(o.SampleCorpus);
        if (folder is null) return new SampleCorpusLoad(SampleCorpusStatus.NotFound, null, null);
        var report = await ingestion.IngestAsync(new IngestRequest([folder]), cancellationToken: cancellationToken).ConfigureAwait(false);
        return new SampleCorpusLoad(SampleCorpusStatus.Loaded, folder, report);
    }

    /// <summary>
    /// The sample corpus folder: <paramref name="configured"/> as an absolute path, else relative to the current directory,
    /// else relative to <see cref="AppContext.BaseDirectory"/> or one of its parents, else (for the default
    /// <c>data/sample</c> only) the corpus built into the program. Null when none exists.
    /// </summary>
    public static string? Locate(string configured, string? startDirectory = null)
    {
        if (string.IsNullOrWhiteSpace(configured)) return null;
        if (Path.IsPathRooted(configured)) return Directory.Exists(configured) ? configured : null;
        var fromCurrent = Path.GetFullPath(configured);
        if (HasFiles(fromCurrent)) return fromCurrent;
        for (var dir = new DirectoryInfo(startDirectory ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, configured);
            if (HasFiles(candidate)) return candidate;
        }
        return configured == new StorageOptions().SampleCorpus ? Bundled.BundledFolder.Extract(Bundled.BundledFolder.SampleCorpus) : null;
    }

    /// <summary>An empty folder (say, one a build left behind after removing its copied files) is not a corpus: keep looking.</summary>
    private static bool HasFiles(string folder) => Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any();
}

/// <summary>The outcome of <see cref="SampleCorpusLoader.LoadIfEmptyAsync"/>.</summary>
/// <param name="Folder">The folder loaded from (when <see cref="SampleCorpusStatus.Loaded"/>).</param>
/// <param name="Report">The ingest report (when <see cref="SampleCorpusStatus.Loaded"/>).</param>
public sealed record SampleCorpusLoad(SampleCorpusStatus Status, string? Folder, IngestReport? Report);

/// <summary>Whether the sample corpus was loaded, and if not, why.</summary>
public enum SampleCorpusStatus
{
    /// <summary>The store already has papers.</summary>
    NotNeeded,

    /// <summary><c>Storage:LoadSampleWhenEmpty</c> is off.</summary>
    Disabled,

    /// <summary>The store was empty but the sample folder was not found.</summary>
    NotFound,

    /// <summary>The store was empty and the sample corpus was ingested.</summary>
    Loaded,
}
