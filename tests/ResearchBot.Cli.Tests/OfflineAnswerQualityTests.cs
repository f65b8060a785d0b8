using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Answering;
using ResearchBot.Cli.Evaluation;
using ResearchBot.Ingestion;
using ResearchBot.Papers;
using Xunit.Abstractions;

namespace ResearchBot.Cli.Tests;

/// <summary>
/// Offline answer quality on the sample corpus: over the dev questions (<c>data/eval/dev-questions.jsonl</c>), how often
/// an answer cites one of the question's relevant papers; over <c>data/eval/abstain-questions.jsonl</c>, that questions
/// far from the corpus get no citations. The measured figures are written to the test output.
/// </summary>
public sealed class OfflineAnswerQualityTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The share of dev questions whose answer must cite a relevant paper.</summary>
    private const double MinCitedRelevant = 0.8;

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Offline_answers_cite_a_relevant_paper_for_most_dev_questions_and_nothing_for_off_topic_ones()
    {
        using var host = _cli.OpenHost(answering: true);
        await host.Services.GetRequiredService<SampleCorpusLoader>().LoadIfEmptyAsync();
        var answers = host.Services.GetRequiredService<IAnswerService>();

        var dev = EvalQuestion.ReadFile(EvalFile("dev-questions.jsonl"));
        var cited = 0;
        var abstained = 0;
        var misses = new List<string>();
        foreach (var q in dev)
        {
            var answer = await AskAsync(answers, q.Question);
            Assert.Equal("offline", answer.Mode);
            var relevant = q.Relevant.Select(TitleKey.Of).ToHashSet();
            if (answer.CitedSources.Any(s => relevant.Contains(TitleKey.Of(s.Title)))) cited++;
            else misses.Add(q.Question);
            if (answer.Abstained) abstained++;
        }

        var offTopicCiting = new List<string>();
        var offTopic = 0;
        var nearMiss = 0;
        var nearMissCiting = 0;
        foreach (var (question, kind) in AbstainQuestions())
        {
            var answer = await AskAsync(answers, question);
            if (kind == "off-topic")
            {
                offTopic++;
                if (answer.Citations.Count > 0) offTopicCiting.Add(question);
                else Assert.StartsWith("I found nothing about this", answer.Text);
            }
            else
            {
                nearMiss++;
                if (answer.Citations.Count > 0) nearMissCiting++;
            }
        }

        var share = (double)cited / dev.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dev questions: {cited}/{dev.Count} ({share:P1}) cite a relevant paper; {abstained} abstained"));
        output.WriteLine($"off-topic questions: {offTopic - offTopicCiting.Count}/{offTopic} get no citations");
        output.WriteLine($"near-miss questions (reported only): {nearMiss - nearMissCiting}/{nearMiss} get no citations");
        foreach (var miss in misses) output.WriteLine("  no relevant citation: " + miss);

        Assert.True(share >= MinCitedRelevant, $"only {cited} of {dev.Count} dev answers cite a relevant paper; misses: {string.Join(" | ", misses)}");
        Assert.Empty(offTopicCiting);
    }

    private static async Task<Answer> AskAsync(IAnswerService answers, string question)
    {
        Answer? answer = null;
        await foreach (var update in answers.StreamAsync(new AskRequest(question, [])))
            if (update is AnswerCompleted done) answer = done.Answer;
        return answer ?? throw new InvalidOperationException("no answer for " + question);
    }

    private static IEnumerable<(string Question, string Kind)> AbstainQuestions()
    {
        foreach (var line in File.ReadLines(EvalFile("abstain-questions.jsonl")).Where(l => l.Trim().Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            yield return (doc.RootElement.GetProperty("question").GetString()!, doc.RootElement.GetProperty("kind").GetString()!);
        }
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
}
