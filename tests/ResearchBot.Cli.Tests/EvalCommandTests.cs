using System.Text.Json;
using ResearchBot.Cli.Evaluation;

namespace ResearchBot.Cli.Tests;

public sealed class EvalCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string SmallQuestions() => _cli.Write("questions.jsonl", string.Join('\n',
        """{"question": "KV cache reduction by selecting a small set of key tokens", "relevant": ["Keyformer: KV Cache Reduction through Key Tokens Selection for Efficient Generative Inference"]}""",
        "",
        """{"q": "A voxel transformer for point clouds that avoids sorting and padding windows", "gold": ["ScatterFormer: Efficient Voxel Transformer with Scattered Linear Attention"]}""",
        """{"question": "brisket smoking temperatures", "relevant": ["A Paper That Is Not In The Store"]}"""));

    [Fact]
    public async Task Json_reports_recall_mrr_ndcg_and_the_misses()
    {
        await _cli.RunAsync("ingest", CliRunner.SampleFolder);

        var result = await _cli.RunAsync("eval", SmallQuestions(), "--json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(Assert.Single(result.OutLines));
        var root = doc.RootElement;
        Assert.Equal(["n", "recall@5", "recall@10", "mrr@10", "ndcg@10", "misses", "answers"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, root.GetProperty("n").GetInt32());
        foreach (var metric in new[] { "recall@5", "recall@10", "mrr@10", "ndcg@10" })
            Assert.InRange(root.GetProperty(metric).GetDouble(), 0, 2.0 / 3 + 0.001);
        var miss = Assert.Single(root.GetProperty("misses").EnumerateArray());
        Assert.Equal("brisket smoking temperatures", miss.GetProperty("question").GetString());
        Assert.Equal(JsonValueKind.Null, miss.GetProperty("rank").ValueKind);
        Assert.Equal(3, miss.GetProperty("top").GetArrayLength());
    }

    [Fact]
    public async Task The_readable_form_prints_the_figures_and_each_miss()
    {
        await _cli.RunAsync("ingest", CliRunner.SampleFolder);

        var result = await _cli.RunAsync("eval", SmallQuestions());

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("recall@5", result.Out);
        Assert.Contains("Misses (no relevant paper in the top 5): 1", result.Out);
        Assert.Contains("- brisket smoking temperatures (no relevant paper in the top 10)", result.Out);
        Assert.Contains("wanted: A Paper That Is Not In The Store", result.Out);
    }

    [Fact]
    public async Task A_missing_questions_file_is_one_error_line()
    {
        var missing = Path.Combine(_cli.Folder, "none.jsonl");

        var result = await _cli.RunAsync("eval", missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {missing}: no such file", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_broken_line_is_reported_with_its_line_number()
    {
        var file = _cli.Write("bad.jsonl", "{\"question\": \"a\", \"relevant\": [\"b\"]}\n{\"question\": \"no gold\"}\n");

        var result = await _cli.RunAsync("eval", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {file}:2: no \"relevant\" (or \"gold\") titles, and no \"kind\" saying it is unanswerable", Assert.Single(result.ErrorLines));
    }

    private string MixedQuestions() => _cli.Write("mixed.jsonl", string.Join('\n',
        """{"question": "KV cache reduction by selecting a small set of key tokens", "relevant": ["Keyformer: KV Cache Reduction through Key Tokens Selection for Efficient Generative Inference"]}""",
        """{"question": "A voxel transformer for point clouds that avoids sorting and padding windows", "relevant": ["ScatterFormer: Efficient Voxel Transformer with Scattered Linear Attention"]}""",
        """{"question": "How long should I rest a brisket after smoking it before slicing?", "kind": "off-topic"}""",
        """{"question": "When should I prune my hydrangeas so they still bloom next summer?", "kind": "off-topic"}"""));

    [Fact]
    public async Task Json_reports_answer_and_abstention_rates_through_the_answer_pipeline()
    {
        await _cli.RunAsync("ingest", CliRunner.SampleFolder);

        var result = await _cli.RunAsync("eval", MixedQuestions(), "--json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(Assert.Single(result.OutLines));
        var root = doc.RootElement;
        Assert.Equal(2, root.GetProperty("n").GetInt32());
        Assert.Equal(1, root.GetProperty("mrr@10").GetDouble());
        var answers = root.GetProperty("answers");
        Assert.Equal(2, answers.GetProperty("answerable").GetInt32());
        Assert.Equal(1, answers.GetProperty("citesRelevant").GetDouble());
        Assert.Equal(0, answers.GetProperty("answerableAbstained").GetDouble());
        Assert.Equal(2, answers.GetProperty("unanswerable").GetInt32());
        Assert.Equal(1, answers.GetProperty("abstained").GetDouble());
        var offTopic = answers.GetProperty("byKind").GetProperty("off-topic");
        Assert.Equal(2, offTopic.GetProperty("questions").GetInt32());
        Assert.Equal(1, offTopic.GetProperty("abstained").GetDouble());
        Assert.Empty(answers.GetProperty("misses").EnumerateArray());
        Assert.Empty(answers.GetProperty("falseAnswers").EnumerateArray());
    }

    [Fact]
    public async Task The_readable_form_prints_answer_and_abstention_rates_and_the_questions_got_wrong()
    {
        await _cli.RunAsync("ingest", CliRunner.SampleFolder);
        var wrong = _cli.Write("wrong.jsonl", string.Join('\n',
            """{"question": "KV cache reduction by selecting a small set of key tokens", "relevant": ["A Paper That Is Not In The Store"]}""",
            """{"question": "When should I prune my hydrangeas so they still bloom next summer?", "kind": "off-topic"}"""));

        var result = await _cli.RunAsync("eval", MixedQuestions(), wrong);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Answers (offline pipeline, as ask answers):", result.Out);
        Assert.Contains("- answerable questions: 3; the answer cites a relevant paper for 66.7%, abstains on 0.0%", result.Out);
        Assert.Contains("- unanswerable questions: 3; the answer abstains on 100.0% (off-topic 100.0% of 3)", result.Out);
        Assert.Contains("  missed: KV cache reduction by selecting a small set of key tokens (no relevant paper cited: Keyformer", result.Out);
    }

    [Fact]
    public async Task A_line_with_both_relevant_titles_and_a_kind_is_refused()
    {
        var file = _cli.Write("both.jsonl", "{\"question\": \"a\", \"relevant\": [\"b\"], \"kind\": \"near-miss\"}\n");

        var result = await _cli.RunAsync("eval", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {file}:1: a question with relevant titles has no \"kind\" (that marks an unanswerable one)", Assert.Single(result.ErrorLines));
    }
}

public sealed class RankingMetricsTests
{
    [Fact]
    public void First_relevant_at_rank_three_of_two_gold_titles()
    {
        var m = RankingMetrics.Of(["A", "B", "Gold One", "C", "Gold Two"], ["gold one", "GOLD-TWO"]);

        Assert.Equal(3, m.FirstRelevantRank);
        Assert.Equal(1, m.RecallAt5);
        Assert.Equal(1, m.RecallAt10);
        Assert.Equal(1.0 / 3, m.ReciprocalRankAt10, 9);
        var dcg = 1 / Math.Log2(4) + 1 / Math.Log2(6);
        var ideal = 1 / Math.Log2(2) + 1 / Math.Log2(3);
        Assert.Equal(dcg / ideal, m.NdcgAt10, 9);
    }

    [Fact]
    public void A_repeated_title_counts_once_at_its_first_position()
    {
        var m = RankingMetrics.Of(["Gold", "Gold", "x"], ["Gold"]);

        Assert.Equal(1, m.FirstRelevantRank);
        Assert.Equal(1, m.NdcgAt10, 9);
    }

    [Fact]
    public void Titles_compare_by_title_key_so_latex_markup_does_not_matter()
    {
        var m = RankingMetrics.Of(["x", "y", "z", "w", "v", "$\\scriptsize\\mathtt{F}$Laws of Scaling"], ["FLaws of Scaling"]);

        Assert.Equal(6, m.FirstRelevantRank);
        Assert.Equal(0, m.RecallAt5);
        Assert.Equal(1, m.RecallAt10);
        Assert.Equal(1.0 / 6, m.ReciprocalRankAt10, 9);
    }

    [Fact]
    public void No_relevant_title_scores_zero()
    {
        var m = RankingMetrics.Of(["a", "b"], ["c"]);

        Assert.Null(m.FirstRelevantRank);
        Assert.Equal(0, m.RecallAt10);
        Assert.Equal(0, m.ReciprocalRankAt10);
        Assert.Equal(0, m.NdcgAt10);
    }
}
