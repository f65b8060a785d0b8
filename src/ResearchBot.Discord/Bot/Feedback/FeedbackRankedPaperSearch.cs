using Microsoft.Extensions.Logging;
using ResearchBot.BotState;
using ResearchBot.Retrieval;

namespace ResearchBot.Discord.Bot.Feedback;

/// <summary>
/// Wraps the paper search: inside a <see cref="FeedbackScope"/> (an answer or search for a server) the papers that server
/// repeatedly marked 👎 for similar questions rank lower (<see cref="FeedbackReranker"/>). To let them fall out of the top, it
/// asks the inner search for as many extra hits as papers are penalized. Outside a scope, or with no penalty, it is the inner
/// search unchanged.
/// </summary>
public sealed class FeedbackRankedPaperSearch(IPaperSearch inner, IFeedbackRepository feedback, ILogger<FeedbackRankedPaperSearch> log) : IPaperSearch
{
    /// <summary>Most votes of a server read per search.</summary>
    public const int MaxVotesRead = 2000;

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        if (FeedbackScope.Current is not { } guild) return await inner.SearchAsync(query, cancellationToken);
        IReadOnlySet<string> penalized;
        try
        {
            penalized = FeedbackReranker.Penalized(query.Text, await feedback.ForGuildAsync(guild, MaxVotesRead, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning("Could not read the server's feedback; searching without it: {Error}", ex.Message);
            return await inner.SearchAsync(query, cancellationToken);
        }
        if (penalized.Count == 0) return await inner.SearchAsync(query, cancellationToken);
        var results = await inner.SearchAsync(query with { Top = query.Top + penalized.Count }, cancellationToken);
        var demoted = FeedbackReranker.Demote(results.Hits, penalized);
        if (demoted.Take(query.Top).Any(h => penalized.Contains(h.Paper.Id)) || results.Hits.Any(h => penalized.Contains(h.Paper.Id)))
            log.LogDebug("Feedback in guild {Guild} ranks {Papers} lower for \"{Query}\"", guild, string.Join(", ", penalized), query.Text);
        return results with { Hits = demoted.Take(query.Top).ToList() };
    }
}
