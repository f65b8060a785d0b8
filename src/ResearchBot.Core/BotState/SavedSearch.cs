using ResearchBot.Answering;

namespace ResearchBot.BotState;

/// <summary>A search whose results are shown in pages, kept so "Previous"/"Next" work after a restart.</summary>
/// <param name="Key">The id the page buttons carry.</param>
/// <param name="Query">The search text.</param>
/// <param name="UserId">Who searched (may turn the pages of the shared message).</param>
/// <param name="Results">The results, best first, numbered from 1.</param>
/// <param name="PapersInRange">How many papers were searched.</param>
/// <param name="At">When it was searched.</param>
public sealed record SavedSearch(string Key, string Query, string UserId, IReadOnlyList<AnswerSource> Results, int PapersInRange, DateTimeOffset At);

/// <summary>Keeps <see cref="SavedSearch"/>es.</summary>
public interface ISavedSearchRepository
{
    Task SaveAsync(SavedSearch search, CancellationToken cancellationToken = default);

    /// <summary>The search with <paramref name="key"/>, or null.</summary>
    Task<SavedSearch?> GetAsync(string key, CancellationToken cancellationToken = default);
}
