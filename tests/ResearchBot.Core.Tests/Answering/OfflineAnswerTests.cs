using System.Text.RegularExpressions;
using ResearchBot.Answering;
using ResearchBot.Answering.Offline;
using ResearchBot.Answering.Text;
using ResearchBot.Text.SentenceRoles;
using ResearchBot.TestSupport.Fakes;

namespace ResearchBot.Core.Tests.Answering;

public sealed class OfflineAnswerTests
{
    [Fact]
    public async Task Quotes_sentences_from_several_papers_each_with_a_valid_number()
    {
        using var harness = new AnswerHarness();

        var (_, answer) = await harness.AskAsync("speculative decoding with retrieval for long context generation");

        Assert.Equal("offline", answer.Mode);
        Assert.False(answer.Abstained);
        Assert.DoesNotContain("No language model", answer.Text);
        Assert.StartsWith("- ", answer.Text);
        var cited = Regex.Matches(answer.Text, @"\[(\d+)\]").Select(m => int.Parse(m.Groups[1].Value)).ToHashSet();
        Assert.True(cited.Count >= 2, answer.Text);
        Assert.All(cited, n => Assert.Contains(answer.Sources, s => s.N == n));
        Assert.Equal(cited.Order(), answer.Citations);
        var citedIds = answer.CitedSources.Select(s => s.Id).ToList();
        Assert.Contains("2604.00002", citedIds);
        Assert.Contains("2604.00003", citedIds);
    }

    [Fact]
    public async Task Each_bullet_names_its_paper_and_quotes_one_or_two_of_its_own_method_or_result_sentences()
    {
        using var harness = new AnswerHarness();

        var (_, answer) = await harness.AskAsync("test-time compute scaling for software engineering agents");

        var lines = answer.Text.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var n = int.Parse(Regex.Match(line, @"\[(\d+)\]$").Groups[1].Value);
            var source = answer.Sources.Single(s => s.N == n);
            var paper = TestPapers.All.Single(p => p.Id == source.Id);
            var prefix = $"- {OfflineAnswerer.PaperName(paper.Title)} — ";
            Assert.StartsWith(prefix, line);
            var quoted = Sentences.Split(line[prefix.Length..^$" [{n}]".Length]);
            Assert.InRange(quoted.Count, 1, 2);
            var roles = SentenceRoleTagger.Tag(paper.Abstract, paper.Title);
            foreach (var q in quoted)
            {
                var own = roles.Single(r => r.Text.EndsWith(q[1..], StringComparison.Ordinal));
                Assert.True(own.IsContribution, $"quoted a {own.Role} sentence: {q}");
            }
        }
        Assert.Contains(answer.CitedSources, s => s.Id == "2604.00005");
    }

    [Fact]
    public async Task Is_deterministic()
    {
        using var harness = new AnswerHarness();

        var first = await harness.AskAsync("KV cache memory reduction");
        var second = await harness.AskAsync("KV cache memory reduction");

        Assert.Equal(first.Answer.Text, second.Answer.Text);
        Assert.Single(first.Deltas);
    }

    [Fact]
    public async Task Offline_follow_up_searches_with_the_previous_subject()
    {
        using var harness = new AnswerHarness();
        ChatTurn[] history = [new("user", "KV cache reduction by selecting key tokens"), new("assistant", "Keyformer does that [1].")];

        var (_, answer) = await harness.AskAsync("what about its memory cost?", history);

        Assert.Equal("what about the memory cost of KV cache reduction by selecting key tokens?", answer.StandaloneQuestion);
        Assert.Contains("KV cache", harness.Search.Queries[^1].Text);
        Assert.Equal("2604.00001", answer.CitedSources.First().Id);
    }
}
