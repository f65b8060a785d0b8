using System.Text;
using Microsoft.Extensions.VectorData;
using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.Ingestion;

/// <summary>
/// Ingests files, folders, standard input and the online sources <c>hf</c> and <c>arxiv</c>: each source is read once,
/// parsed, held to <see cref="PaperFieldLimits"/> and stored on its own (one upsert into the papers' VectorData collection
/// per source, merging as <see cref="IPaperRecordMerge"/> does), so a bad source is reported and never affects the others.
/// </summary>
public sealed class IngestionService(
    PaperFileReader files,
    HuggingFaceDailyClient huggingFace,
    ArxivClient arxiv,
    VectorStoreCollection<string, PaperRecord> papers,
    TimeProvider time) : IIngestionService
{
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
            var read = await TryLoadAsync(target, request, n => progress?.Report(new IngestProgress(target.Name, tally.Parsed + n, null)), tally, cancellationToken).ConfigureAwait(false);
            if (read is null) continue;
            tally.Parsed += read.Papers.Count;
            progress?.Report(new IngestProgress(target.Name, tally.Parsed, null));
            var kept = PaperFieldLimits.Apply(read.Papers, out var notes);
            foreach (var note in notes) tally.Warnings.Add(new IngestFailure(target.Name, note));
            if (kept.Count > 0) tally.Add(await UpsertAsync([.. kept.Select(PaperRecord.From)], cancellationToken).ConfigureAwait(false));
            if (read.Problem is { } problem) tally.Failures.Add(new IngestFailure(target.Name, problem));
        }
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

    /// <summary>Reads one source; null (with a failure or warning in the tally) when it gave nothing usable.</summary>
    private async Task<PaperSourceRead?> TryLoadAsync(IngestTarget target, IngestRequest request, Action<int> onProgress, IngestTally tally, CancellationToken cancellationToken)
    {
        try
        {
            return await LoadAsync(target, request, onProgress, cancellationToken).ConfigureAwait(false);
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
        return null;
    }

    private async Task<PaperSourceRead> LoadAsync(IngestTarget target, IngestRequest request, Action<int> onProgress, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var context = new ParseContext(target.Name, request.Date, today);
        switch (target.Kind)
        {
            case IngestTargetKind.File or IngestTargetKind.FolderFile:
                await using (var stream = SourceOpener.Open(target.Name, mustBeRegularFile: target.Kind == IngestTargetKind.FolderFile))
                {
                    return await files.ReadAsync(stream, context, onProgress, cancellationToken).ConfigureAwait(false);
                }
            case IngestTargetKind.StandardInput:
                if (request.StandardInput is null) throw new PaperFormatException("standard input is not available here");
                await using (var stream = request.StandardInput())
                {
                    return await files.ReadAsync(stream, context, onProgress, cancellationToken).ConfigureAwait(false);
                }
            case IngestTargetKind.HuggingFace:
                return Whole(await huggingFace.GetDailyPapersAsync(request.Date ?? today, cancellationToken).ConfigureAwait(false));
            case IngestTargetKind.Arxiv:
                if (string.IsNullOrWhiteSpace(request.ArxivQuery)) throw new PaperSourceException("arxiv needs a search query (--query), e.g. cat:cs.CL");
                return Whole(await arxiv.SearchAsync(request.ArxivQuery, request.ArxivMax, request.Date, cancellationToken).ConfigureAwait(false));
            case IngestTargetKind.EmptyFolder:
                throw new PaperFormatException("folder has no files");
            default:
                throw new PaperFormatException("no such file or folder");
        }
    }

    private static PaperSourceRead Whole(IReadOnlyList<Paper> papers) => new(papers, null);
}
