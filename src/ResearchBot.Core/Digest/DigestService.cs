using ResearchBot.Answering;
using ResearchBot.Digest.Clustering;
using ResearchBot.Digest.Ranking;
using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.Digest;

/// <summary>
/// The digest of a day (or a span of days): every paper listed then (and no other) exactly once, grouped into themes
/// named by a phrase their papers share, each paper with a one-line summary and its [n]. Within a theme, papers that
/// match the reader's interests come first, then by upvotes. With a model, names, intros and one-liners are written
/// by the prompts; anything the model does not give (or a model that fails part-way) keeps the offline text.
/// </summary>
public sealed class DigestService(IPaperStore store, ModelDigestWriter? model, DigestOptions options) : IDigestService
{
    public async Task<DailyDigest?> CreateAsync(DigestRequest request, CancellationToken cancellationToken = default)
    {
        var days = await store.GetListingDaysAsync(cancellationToken);
        if (days.Count == 0) return null;
        var to = request.Day ?? days[^1];
        var period = new DigestPeriod(request.From is { } f && f < to ? f : to, to);
        var papers = await PapersAsync(period, days, cancellationToken);
        if (papers.Count == 0) return null;

        var interests = new InterestMatcher(request.Interests ?? options.Interests);
        var draft = Draft(period, papers, interests);
        OfflineDigestWriter.Fill(draft);
        if (model is not null) await model.FillAsync(draft, cancellationToken);

        var previous = period.IsSpan ? await PapersAsync(period.Previous(), days, cancellationToken) : null;
        var changes = previous is { Count: > 0 } ? Changes(draft, previous) : [];
        var top = Top(draft);
        var sources = draft.Items.OrderBy(i => i.N)
            .Select(i => new AnswerSource(i.N, i.Paper.Id, i.Paper.Title, PaperLinks.Url(i.Paper), i.Paper.Published)).ToList();
        var themes = draft.Themes.Select(t => new DigestTheme(t.Name, t.Intro, t.Items.Select(Item).ToList())).ToList();
        return new DailyDigest(to, DigestRenderer.Render(draft, top, changes, interests.Interests, previous?.Count), sources, themes)
        {
            From = period.From,
            Top = top,
            Interests = interests.Interests,
            Changes = changes,
            PreviousPapers = previous?.Count,
            Notices = draft.Notices,
        };
    }

    private static DigestItem Item(DraftItem i) => new(i.N, i.Paper.Id, i.Paper.Title, i.OneLiner)
    {
        Interest = i.Interest,
        Upvotes = i.Paper.Upvotes,
        Published = i.Paper.Published,
        Url = PaperLinks.Url(i.Paper),
        Authors = i.Paper.Authors,
    };

    /// <summary>Every paper with a listing in <paramref name="period"/>, once (papers without listings count for the day they were fetched for).</summary>
    private async Task<List<Paper>> PapersAsync(DigestPeriod period, IReadOnlyList<DateOnly> days, CancellationToken cancellationToken)
    {
        var papers = new List<Paper>();
        foreach (var day in days.Where(period.Contains))
        {
            papers.AddRange((await store.GetListedOnAsync(day, cancellationToken))
                .Where(p => p.Listings.Count == 0 || p.Listings.Any(l => period.Contains(l.Day))));
        }
        return papers.DistinctBy(p => p.Id).ToList();
    }

    private DigestDraft Draft(DigestPeriod period, IReadOnlyList<Paper> papers, InterestMatcher interests)
    {
        var clusters = ThemeClusterer.Cluster(papers, options.Themes);
        var scores = papers.Select(interests.Score).ToArray();
        // Themes holding the reader's interests come first (the "Other" group stays last), then the larger ones.
        var ordered = clusters.OrderBy(c => c.IsOther ? 1 : 0).ThenByDescending(c => c.Members.Count(m => scores[m] > 0)).ToList();
        var n = 0;
        var themes = ordered.Select((c, k) => new DraftTheme(k + 1, c,
            c.Members.OrderByDescending(m => scores[m] > 0).ThenByDescending(m => papers[m].Upvotes ?? -1).ThenByDescending(m => scores[m]).ThenBy(m => m)
                .Select(m => new DraftItem(++n, papers[m], scores[m] > 0)).ToList())).ToList();
        return new DigestDraft(period, themes);
    }

    /// <summary>The "Top of the day": the most upvoted papers when the source gives upvotes, else the papers matching the interests best.</summary>
    private IReadOnlyList<int> Top(DigestDraft draft)
    {
        var items = draft.Items.ToList();
        if (options.TopOfDay <= 0) return [];
        var ranked = items.Any(i => i.Paper.Upvotes > 0)
            ? items.Where(i => i.Paper.Upvotes > 0).OrderByDescending(i => i.Paper.Upvotes).ThenByDescending(i => i.Interest).ThenBy(i => i.N)
            : items.Where(i => i.Interest).OrderBy(i => i.N);
        return ranked.Take(options.TopOfDay).Select(i => i.N).ToList();
    }

    /// <summary>Themes of the span that are new or grew compared with the previous span of the same length.</summary>
    private static IReadOnlyList<ThemeChange> Changes(DigestDraft draft, List<Paper> previous)
    {
        var before = previous.Select(p => KeyPhrases.Of(p).All).ToList();
        var changes = new List<ThemeChange>();
        foreach (var theme in draft.Themes.Where(t => !t.IsOther))
        {
            var count = before.Count(b => b.Contains(theme.PhraseKey!));
            if (count == 0 || theme.Items.Count >= count + 2 && theme.Items.Count >= count * 1.5)
                changes.Add(new ThemeChange(theme.Name, theme.Items.Count, count));
        }
        return changes.OrderByDescending(c => c.IsNew).ThenByDescending(c => c.Papers - c.Before).ToList();
    }
}
