using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Answering;
using ResearchBot.Cli.Evaluation;
using ResearchBot.Ingestion;
using ResearchBot.Papers;
using ResearchBot.Storage;
using ResearchBot.Text.SentenceRoles;
using Xunit.Abstractions;

namespace ResearchBot.Cli.Tests;

/// <summary>
/// What the first bullet of an offline answer says, over the dev questions (<c>data/eval/dev-questions.jsonl</c>): the
/// share of answers whose first bullet quotes a method or result sentence (by <see cref="SentenceRoleTagger"/>) of one
/// of the question's gold papers. The figure, and each first bullet that misses, go to the test output.
/// </summary>
public sealed partial class OfflineAnswerRoleTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The share of dev answers whose first bullet must be a gold paper's method or result sentence.</summary>
    private const double MinFirstBulletContribution = 0.85;

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_first_bullet_of_most_dev_answers_is_a_method_or_result_sentence_of_a_gold_paper()
    {
        using var host = _cli.OpenHost(answering: true);
        await host.Services.GetRequiredService<SampleCorpusLoader>().LoadIfEmptyAsync();
        var answers = host.Services.GetRequiredService<IAnswerService>();
        var store = host.Services.GetRequiredService<IPaperStore>();

        var dev = EvalQuestion.ReadFile(EvalFile("dev-questions.jsonl"));
        var good = 0;
        var background = 0;
        foreach (var q in dev)
        {
            var answer = await AskAsync(answers, q.Question);
            var verdict = await FirstBulletAsync(answer, q.Relevant.Select(TitleKey.Of).ToHashSet(), store);
            if (verdict.Role is SentenceRole.Background or SentenceRole.ReleaseNotice) background++;
            if (verdict.Gold && verdict.Role is SentenceRole.Method or SentenceRole.Result) good++;
            else output.WriteLine($"  miss ({(verdict.Gold ? "gold" : "not gold")}, {verdict.Role?.ToString() ?? "no sentence"}): {q.Question}\n    {verdict.Bullet}");
        }

        var share = (double)good / dev.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first bullet is a gold paper's method or result sentence: {good}/{dev.Count} ({share:P1}); background or release notice first: {background}"));
        Assert.True(share >= MinFirstBulletContribution, $"only {good} of {dev.Count} first bullets are a gold paper's method or result sentence");
    }

    private sealed record Verdict(string Bullet, bool Gold, SentenceRole? Role);

    /// <summary>The first bullet's paper (its first [n]) and the role of the first sentence of that paper's abstract it quotes.</summary>
    private static async Task<Verdict> FirstBulletAsync(Answer answer, HashSet<string> gold, IPaperStore store)
    {
        var bullet = answer.Text.Split('\n').FirstOrDefault(l => l.StartsWith("- ", StringComparison.Ordinal));
        if (bullet is null) return new Verdict("(no bullet)", false, null);
        var cite = Citation().Match(bullet);
        if (!cite.Success) return new Verdict(bullet, false, null);
        var source = answer.Sources.Single(s => s.N == int.Parse(cite.Groups[1].Value, CultureInfo.InvariantCulture));
        var paper = await store.GetAsync(source.Id) ?? throw new InvalidOperationException("cited paper not in the store: " + source.Id);
        // A quoted sentence may lose an opening that points back ("To address this, "): match on its last 70%.
        static string Tail(string s) => s[(s.Length * 3 / 10)..];
        var quoted = SentenceRoleTagger.Tag(paper.Abstract, paper.Title)
            .Where(s => bullet.Contains(Tail(s.Text), StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => bullet.IndexOf(Tail(s.Text), StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault();
        return new Verdict(bullet, gold.Contains(TitleKey.Of(paper.Title)), quoted?.Role);
    }

    private static async Task<Answer> AskAsync(IAnswerService answers, string question)
    {
        Answer? answer = null;
        await foreach (var update in answers.StreamAsync(new AskRequest(question, [])))
            if (update is AnswerCompleted done) answer = done.Answer;
        return answer ?? throw new InvalidOperationException("no answer for " + question);
    }

    /// <summary>A file of the repository's <c>data/eval</c>, found walking up from the test assembly.</summary>
    private static string EvalFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "eval", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"data/eval/{name} not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Citation();
}
