using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.Ingestion;

/// <summary>
/// Ingests files, folders and the online sources <c>hf</c> and <c>arxiv</c>: each source is parsed and stored on its own
/// (one <see cref="IPaperStore.UpsertAsync"/> per source), so a bad source is reported and never affects the others.
/// </summary>
public sealed class IngestionService(
    PaperFileReader files,
    HuggingFaceDailyClient huggingFace,
    ArxivClient arxiv,
    IPaperStore store,
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
            try
            {
                var papers = await LoadAsync(target, request, n => progress?.Report(new IngestProgress(target.Name, tally.Parsed + n, null)), cancellationToken).ConfigureAwait(false);
                tally.Parsed += papers.Count;
                progress?.Report(new IngestProgress(target.Name, tally.Parsed, null));
                if (papers.Count > 0) tally.Add(await store.UpsertAsync(papers, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is PaperFormatException or PaperSourceException)
            {
                tally.Failures.Add(new IngestFailure(target.Name, ex.Message));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                tally.Failures.Add(new IngestFailure(target.Name, "cannot read: " + ex.Message));
            }
        }
        return new IngestReport(tally.Parsed, tally.Added, tally.Updated, tally.Unchanged, tally.Failures, time.GetElapsedTime(started));
    }

    private async Task<IReadOnlyList<Paper>> LoadAsync(IngestTarget target, IngestRequest request, Action<int> onProgress, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        switch (target.Kind)
        {
            case IngestTargetKind.File:
                return await files.ReadAsync(target.Name, new ParseContext(target.Name, request.Date, today), onProgress, cancellationToken).ConfigureAwait(false);
            case IngestTargetKind.HuggingFace:
                return await huggingFace.GetDailyPapersAsync(request.Date ?? today, cancellationToken).ConfigureAwait(false);
            case IngestTargetKind.Arxiv:
                if (string.IsNullOrWhiteSpace(request.ArxivQuery)) throw new PaperSourceException("arxiv needs a search query (--query), e.g. cat:cs.CL");
                return await arxiv.SearchAsync(request.ArxivQuery, request.ArxivMax, request.Date, cancellationToken).ConfigureAwait(false);
            case IngestTargetKind.EmptyFolder:
                throw new PaperFormatException("folder has no files");
            default:
                throw new PaperFormatException("no such file or folder");
        }
    }
}
