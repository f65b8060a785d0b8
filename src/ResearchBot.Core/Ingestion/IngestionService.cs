using System.Text;
using Microsoft.Extensions.VectorData;
using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.Ingestion;

/// <summary>
/// Ingests files, folders, standard input and the online sources <c>hf</c> and <c>arxiv</c>: each source is read once,
/// parsed, held to <see cref="PaperFieldLimits"/> and stored on its own (upserts into the papers' VectorData collection,
/// merging as <see cref="IPaperRecordMerge"/> does), so a bad source is reported and never affects the others. A JSON Lines
/// source is stored in batches of at most <see cref="BatchPapers"/> papers as it is read, each batch one upsert: a file of a
/// million papers is ingested in bounded memory, and a failure part-way keeps the batches stored before it. Afterwards the
/// store's search image is saved when it is stale or missing (<see cref="IPaperMaintenance.SaveSearchImageAsync"/>).
/// </summary>
public sealed class IngestionService(
    PaperFileReader files,
    HuggingFaceDailyClient huggingFace,
    ArxivClient arxiv,
    VectorStoreCollection<string, PaperRecord> papers,
    TimeProvider time,
    IPaperMaintenance? maintenance = null) : IIngestionService
{
    /// <summary>The default <see cref="BatchPapers"/>.</summary>
    public const int DefaultBatchPapers = 50_000;

    /// <summary>At most this many papers of one source are held and upserted at a time.</summary>
    public int BatchPapers { get; init; } = DefaultBatchPapers;

    public async Task<IngestReport> IngestAsync(IngestRequest request, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = time.GetTimestamp();
        var tally = new IngestTally();
        foreach (var target in IngestTargetExpander.Expand(request.Sources))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (target.Kind == IngestTargetKind.Skipped)
            {
                tally.Warnings.Add(new IngestFailure(target.Name, target.Reason ?? "skipped"));
                continue;
            }
            var parsedBefore = tally.Parsed;
            var parts = LoadAsync(target, request, n => progress?.Report(new IngestProgress(target.Name, parsedBefore + n, null)), cancellationToken)
                .GetAsyncEnumerator(cancellationToken);
            var limits = new PaperFieldLimits.Tally();
            await using (parts.ConfigureAwait(false))
            {
                // Reading fails for the source alone (reported, the other sources go on); a failing store write is not caught here.
                while (await TryNextAsync(parts, target, tally).ConfigureAwait(false))
                {
                    var read = parts.Current;
                    tally.Parsed += read.Papers.Count;
                    progress?.Report(new IngestProgress(target.Name, tally.Parsed, null));
                    var kept = PaperFieldLimits.Apply(read.Papers, limits);
                    if (kept.Count > 0) tally.Add(await UpsertAsync([.. kept.Select(PaperRecord.From)], cancellationToken).ConfigureAwait(false));
                    if (read.Problem is { } problem) tally.Failures.Add(new IngestFailure(target.Name, problem));
                }
            }
            foreach (var note in limits.Notes()) tally.Warnings.Add(new IngestFailure(target.Name, note));
        }
        // A new search process opens a large store from one image instead of its rows. Saving checks whether the image is
        // current first, so an ingest that changed nothing still writes one for a store that has none yet (say, a store
        // filled by an older build) and otherwise costs two small queries.
        if (maintenance is not null)
            await maintenance.SaveSearchImageAsync(cancellationToken).ConfigureAwait(false);
        return new IngestReport(tally.Parsed, tally.Added, tally.Updated, tally.Unchanged, tally.Failures, time.GetElapsedTime(started))
        {
            Warnings = tally.Warnings,
        };
    }

    /// <summary>
    /// Stores one source's papers through the collection: merged with what is stored when the collection can (ours can, through
    /// <see cref="IPaperRecordMerge"/>); with another connector a plain upsert, counted as added or updated by the keys it had.
    /// </summary>
    private async Task<UpsertResult> UpsertAsync(IReadOnlyList<PaperRecord> records, CancellationToken cancellationToken)
    {
        if (papers.GetService(typeof(IPaperRecordMerge)) is IPaperRecordMerge merge)
            return await merge.MergeAsync(records, cancellationToken).ConfigureAwait(false);
        var existing = await papers.GetAsync(records.Select(r => r.Id).Distinct(), cancellationToken: cancellationToken).CountAsync(cancellationToken).ConfigureAwait(false);
        await papers.UpsertAsync(records, cancellationToken).ConfigureAwait(false);
        return new UpsertResult(records.Select(r => r.Id).Distinct().Count() - existing, existing, 0);
    }

    /// <summary>The next part of a source; false (with a failure or warning in the tally) at its end or when it cannot be read on.</summary>
    private static async Task<bool> TryNextAsync(IAsyncEnumerator<PaperSourceRead> parts, IngestTarget target, IngestTally tally)
    {
        try
        {
            return await parts.MoveNextAsync().ConfigureAwait(false);
        }
        catch (NotARegularFileException ex)
        {
            tally.Warnings.Add(new IngestFailure(target.Name, ex.Message));
        }
        catch (Exception ex) when (ex is PaperFormatException or PaperSourceException)
        {
            tally.Failures.Add(new IngestFailure(target.Name, ex.Message));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            tally.Failures.Add(new IngestFailure(target.Name, "cannot read: " + ex.Message));
        }
        catch (Exception ex) when (ex is DecoderFallbackException or FormatException or ArgumentException or InvalidOperationException or InvalidDataException or OverflowException)
        {
            // Content no parser foresaw: the source is reported as unreadable, and the other sources still go in.
            tally.Failures.Add(new IngestFailure(target.Name, "cannot be parsed: " + ex.Message));
        }
        return false;
    }

    private async IAsyncEnumerable<PaperSourceRead> LoadAsync(IngestTarget target, IngestRequest request, Action<int> onProgress,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var context = new ParseContext(target.Name, request.Date, today);
        switch (target.Kind)
        {
            case IngestTargetKind.File or IngestTargetKind.FolderFile:
                await using (var stream = SourceOpener.Open(target.Name, mustBeRegularFile: target.Kind == IngestTargetKind.FolderFile))
                {
                    await foreach (var part in files.ReadBatchesAsync(stream, context, BatchPapers, onProgress, cancellationToken).ConfigureAwait(false))
                        yield return part;
                }
                yield break;
            case IngestTargetKind.StandardInput:
                if (request.StandardInput is null) throw new PaperFormatException("standard input is not available here");
                await using (var stream = request.StandardInput())
                {
                    await foreach (var part in files.ReadBatchesAsync(stream, context, BatchPapers, onProgress, cancellationToken).ConfigureAwait(false))
                        yield return part;
                }
                yield break;
            case IngestTargetKind.HuggingFace:
                yield return Whole(await huggingFace.GetDailyPapersAsync(request.Date ?? today, cancellationToken).ConfigureAwait(false));
                yield break;
            case IngestTargetKind.Arxiv:
                if (string.IsNullOrWhiteSpace(request.ArxivQuery)) throw new PaperSourceException("arxiv needs a search query (--query), e.g. cat:cs.CL");
                yield return Whole(await arxiv.SearchAsync(request.ArxivQuery, request.ArxivMax, request.Date, cancellationToken).ConfigureAwait(false));
                yield break;
            case IngestTargetKind.EmptyFolder:
                throw new PaperFormatException("folder has no files");
            default:
                throw new PaperFormatException("no such file or folder");
        }
    }

    private static PaperSourceRead Whole(IReadOnlyList<Paper> papers) => new(papers, null);
}
