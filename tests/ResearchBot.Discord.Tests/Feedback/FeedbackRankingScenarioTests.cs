using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ResearchBot.BotState;
using ResearchBot.Discord.Bot.Feedback;
using ResearchBot.Ingestion;
using ResearchBot.Retrieval;
using ResearchBot.Storage;
using ResearchBot.Storage.BotState;
using Xunit.Abstractions;

namespace ResearchBot.Discord.Tests.Feedback;

/// <summary>
/// The scripted scenario for feedback re-ranking, over the real hybrid search and the bundled sample corpus (262 papers):
/// two members mark the top paper of an answer 👎 for a question (in two phrasings) in server A, a third marks another cited
/// paper 👍. Then, for a third phrasing and for every dev question, the top 8 in server A and server B are compared with the
/// top 8 before any vote.
/// </summary>
public sealed class FeedbackRankingScenarioTests(ITestOutputHelper output) : IDisposable
{
    private const string ServerA = "300";
    private const string ServerB = "301";
    private const int Top = 8;
    private const string Voted = "Which papers study test-time compute scaling for software engineering agents?";
    private const string VotedAgain = "Which papers scale test-time compute for software engineering agents?";
    private const string Asked = "test-time compute scaling of software engineering agents";

    private readonly string _db = Path.Combine(Path.GetTempPath(), $"researchbot-feedback-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Repeated_down_votes_lower_a_paper_for_similar_questions_in_that_server_and_change_nothing_else()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = _db }).Build();
        await using var services = new ServiceCollection().AddLogging().AddResearchBot(configuration).BuildServiceProvider();
        await services.GetRequiredService<SampleCorpusLoader>().LoadIfEmptyAsync();
        var inner = services.GetRequiredService<IPaperSearch>();
        var feedback = new SqliteFeedbackRepository(services.GetRequiredService<SqliteConnectionFactory>());
        var ranked = new FeedbackRankedPaperSearch(inner, feedback, NullLogger<FeedbackRankedPaperSearch>.Instance);
        var questions = DevQuestions();

        var before = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var q in questions.Append(Asked)) before[q] = await TopAsync(ranked, ServerA, q);
        var penalized = before[Voted][0];
        var upVoted = before[Voted][1];
        var at = DateTimeOffset.UnixEpoch;
        await feedback.AddAsync(new FeedbackEntry(ServerA, "400", "7001", "601", FeedbackVote.Down, Voted, [penalized, upVoted], at));
        await feedback.AddAsync(new FeedbackEntry(ServerA, "400", "7002", "602", FeedbackVote.Down, VotedAgain, [penalized], at));
        await feedback.AddAsync(new FeedbackEntry(ServerA, "400", "7003", "603", FeedbackVote.Up, Voted, [upVoted], at));

        var changedA = new List<string>();
        var changedB = new List<string>();
        foreach (var q in questions.Append(Asked))
        {
            var a = await TopAsync(ranked, ServerA, q);
            var b = await TopAsync(ranked, ServerB, q);
            if (!b.SequenceEqual(before[q])) changedB.Add(q);
            if (a.SequenceEqual(before[q])) continue;
            changedA.Add(q);
            // what changed is only the penalized paper: the others keep their order, it ranks after them (or leaves the top 8)
            Assert.Equal(before[q].Where(id => id != penalized).Take(Top - 1), a.Where(id => id != penalized).Take(Top - 1));
            Assert.True(!a.Contains(penalized) || a.ToList().IndexOf(penalized) == a.Count - 1, $"{penalized} ranks last for '{q}'");
            Assert.True(FeedbackReranker.Similarity(q, Voted) >= FeedbackReranker.SimilarQuestion || FeedbackReranker.Similarity(q, VotedAgain) >= FeedbackReranker.SimilarQuestion);
        }
        var afterAsked = await TopAsync(ranked, ServerA, Asked);
        output.WriteLine($"penalized {penalized}: rank {before[Asked].ToList().IndexOf(penalized) + 1} before, {(afterAsked.Contains(penalized) ? (afterAsked.ToList().IndexOf(penalized) + 1).ToString() : "out of the top 8")} after, for '{Asked}'");
        output.WriteLine($"up-voted {upVoted}: rank {before[Asked].ToList().IndexOf(upVoted) + 1} before, {afterAsked.ToList().IndexOf(upVoted) + 1} after");
        output.WriteLine($"server A: {changedA.Count} of {questions.Count + 1} questions changed ({string.Join(" | ", changedA)}); server B: {changedB.Count} changed");

        Assert.Contains(penalized, before[Asked]);
        Assert.Contains(Asked, changedA);
        Assert.True(!afterAsked.Contains(penalized) || afterAsked.ToList().IndexOf(penalized) > before[Asked].ToList().IndexOf(penalized));
        Assert.Contains(upVoted, afterAsked);
        Assert.Empty(changedB);
        Assert.All(changedA, q => Assert.True(q is Voted or VotedAgain or Asked || FeedbackReranker.Similarity(q, Voted) >= FeedbackReranker.SimilarQuestion));
    }

    private static async Task<IReadOnlyList<string>> TopAsync(IPaperSearch search, string guild, string question)
    {
        using var _ = FeedbackScope.Enter(guild);
        return (await search.SearchAsync(new SearchQuery(question, Top))).Hits.Select(h => h.Paper.Id).ToList();
    }

    private static List<string> DevQuestions()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "data", "eval", "dev-questions.jsonl");
            if (File.Exists(file))
                return File.ReadLines(file).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()!).ToList();
        }
        throw new FileNotFoundException("data/eval/dev-questions.jsonl");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_db + suffix);
    }
}
