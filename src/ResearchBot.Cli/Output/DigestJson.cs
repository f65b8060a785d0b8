using ResearchBot.Digest;

namespace ResearchBot.Cli.Output;

/// <summary>The <c>digest --json</c> object: <c>{"date","text","sources":[{"n","id","title","url"}],"themes":[{"name","intro","items":[{"n","id","title","oneLiner"}]}]}</c>.</summary>
internal sealed record DigestJson(DateOnly Date, string Text, IReadOnlyList<DigestJsonSource> Sources, IReadOnlyList<DigestJsonTheme> Themes)
{
    public static DigestJson From(DailyDigest digest) => new(
        digest.Date,
        digest.Text,
        [.. digest.Sources.OrderBy(s => s.N).Select(s => new DigestJsonSource(s.N, s.Id, s.Title, s.Url))],
        [.. digest.Themes.Select(t => new DigestJsonTheme(t.Name, t.Intro, [.. t.Items.Select(i => new DigestJsonItem(i.N, i.PaperId, i.Title, i.OneLiner))]))]);
}

/// <summary>One numbered paper of <see cref="DigestJson"/>.</summary>
internal sealed record DigestJsonSource(int N, string Id, string Title, string? Url);

/// <summary>One theme of <see cref="DigestJson"/>.</summary>
internal sealed record DigestJsonTheme(string Name, string Intro, IReadOnlyList<DigestJsonItem> Items);

/// <summary>One paper of a <see cref="DigestJsonTheme"/>, with its one-line summary.</summary>
internal sealed record DigestJsonItem(int N, string Id, string Title, string OneLiner);
