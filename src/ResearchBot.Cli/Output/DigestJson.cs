using ResearchBot.Digest;

namespace ResearchBot.Cli.Output;

/// <summary>
/// The <c>digest --json</c> object: <c>{"date","from","text","sources":[{"n","id","title","url","published"}],
/// "themes":[{"name","intro","items":[{"n","id","title","oneLiner","interest","upvotes"}]}],"top","interests","changes","notices"}</c>.
/// </summary>
internal sealed record DigestJson(
    DateOnly Date,
    DateOnly From,
    string Text,
    IReadOnlyList<DigestJsonSource> Sources,
    IReadOnlyList<DigestJsonTheme> Themes,
    IReadOnlyList<int> Top,
    IReadOnlyList<string> Interests,
    IReadOnlyList<DigestJsonChange> Changes,
    IReadOnlyList<string> Notices)
{
    public static DigestJson Of(DailyDigest digest) => new(
        digest.Date,
        digest.From,
        digest.Text,
        [.. digest.Sources.OrderBy(s => s.N).Select(s => new DigestJsonSource(s.N, s.Id, s.Title, s.Url, s.Published))],
        [.. digest.Themes.Select(t => new DigestJsonTheme(t.Name, t.Intro,
            [.. t.Items.Select(i => new DigestJsonItem(i.N, i.PaperId, i.Title, i.OneLiner, i.Interest, i.Upvotes))]))],
        digest.Top,
        digest.Interests,
        [.. digest.Changes.Select(c => new DigestJsonChange(c.Theme, c.Papers, c.Before, c.IsNew))],
        digest.Notices);
}

/// <summary>One numbered paper of <see cref="DigestJson"/>; <c>published</c> is its publication date, not the listing day.</summary>
internal sealed record DigestJsonSource(int N, string Id, string Title, string? Url, DateOnly? Published);

/// <summary>One theme of <see cref="DigestJson"/>.</summary>
internal sealed record DigestJsonTheme(string Name, string Intro, IReadOnlyList<DigestJsonItem> Items);

/// <summary>One paper of a <see cref="DigestJsonTheme"/>, with its one-line summary.</summary>
internal sealed record DigestJsonItem(int N, string Id, string Title, string OneLiner, bool Interest, int? Upvotes);

/// <summary>A theme of a span that is new or grew.</summary>
internal sealed record DigestJsonChange(string Theme, int Papers, int Before, bool New);
