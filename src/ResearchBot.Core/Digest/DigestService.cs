using ResearchBot.Answering;
using ResearchBot.Digest.Clustering;
using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.Digest;

/// <summary>
/// The digest of a day: every paper listed that day (and no other) exactly once, grouped into named themes, each
/// with a one-line summary and its [n]. Themes come from deterministic clustering; with a model, the names, intros
/// and one-liners are written by the prompts, else they come from the papers' own words.
/// </summary>
public sealed class DigestService(IPaperStore store, ModelDigestWriter? model, DigestOptions options) : IDigestService
{
    public async Task<DailyDigest?> CreateAsync(DateOnly? day = null, CancellationToken cancellationToken = default)
    {
        if (day is null)
        {
            var days = await store.GetListingDaysAsync(cancellationToken);
            if (days.Count == 0) return null;
            day = days[^1];
        }
        var papers = (await store.GetListedOnAsync(day.Value, cancellationToken))
            .Where(p => p.Listings.Count == 0 || p.Listings.Any(l => l.Day == day.Value))
            .DistinctBy(p => p.Id)
            .ToList();
        if (papers.Count == 0) return null;

        var draft = Draft(day.Value, papers);
        OfflineDigestWriter.Fill(draft);
        if (model is not null) await model.FillAsync(draft, cancellationToken);

        var sources = draft.Items.Select(i => new AnswerSource(i.N, i.Paper.Id, i.Paper.Title, PaperLinks.Url(i.Paper), i.Paper.Date)).ToList();
        var themes = draft.Themes.Select(t => new DigestTheme(t.Name, t.Intro,
            t.Items.Select(i => new DigestItem(i.N, i.Paper.Id, i.Paper.Title, i.OneLiner)).ToList())).ToList();
        return new DailyDigest(day.Value, DigestRenderer.Render(draft), sources, themes);
    }

    private DigestDraft Draft(DateOnly day, IReadOnlyList<Paper> papers)
    {
        var clusters = ThemeClusterer.Cluster(papers, options.Themes);
        var n = 0;
        var themes = clusters.Select((c, k) => new DraftTheme(k + 1, c.TopTerms,
            c.Members.Select(i => new DraftItem(++n, papers[i])).ToList())).ToList();
        return new DigestDraft(day, themes);
    }
}
