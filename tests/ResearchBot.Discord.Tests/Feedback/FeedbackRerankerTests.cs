using ResearchBot.BotState;
using ResearchBot.Discord.Bot.Feedback;
using ResearchBot.Papers;
using ResearchBot.Retrieval;

namespace ResearchBot.Discord.Tests.Feedback;

/// <summary>The down-ranking rule: similar questions only, at least two 👎, more 👎 than 👍, and the other papers keep their order.</summary>
public class FeedbackRerankerTests
{
    private static FeedbackEntry Vote(string question, FeedbackVote vote, string user, params string[] papers) =>
        new("300", "400", "m-" + user + question.Length, user, vote, question, papers, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Two_down_votes_on_similar_questions_penalize_a_paper_unless_up_votes_match_them()
    {
        var votes = new[]
        {
            Vote("How do KV cache compression methods work?", FeedbackVote.Down, "1", "p1", "p2"),
            Vote("KV cache compression methods", FeedbackVote.Down, "2", "p1"),
            Vote("how does kv cache compression work", FeedbackVote.Up, "3", "p2"),
            Vote("Protein folding with diffusion models", FeedbackVote.Down, "4", "p3"),
            Vote("protein folding diffusion", FeedbackVote.Down, "5", "p3"),
        };

        Assert.Equal(["p1"], FeedbackReranker.Penalized("What are KV cache compression methods?", votes).Order());
        Assert.Equal(["p3"], FeedbackReranker.Penalized("diffusion models for protein folding", votes).Order());
        Assert.Empty(FeedbackReranker.Penalized("speculative decoding for long contexts", votes));
        Assert.Empty(FeedbackReranker.Penalized("KV cache compression", votes.Take(1)));
        Assert.Empty(FeedbackReranker.Penalized("the", votes));
    }

    [Fact]
    public void Demotion_moves_penalized_papers_after_the_others_which_keep_their_order()
    {
        var hits = new[] { "a", "b", "c", "d", "e" }.Select((id, i) => new SearchHit(new Paper { Id = id, Title = id }, 1 - i * 0.1, 0.9)).ToList();

        var demoted = FeedbackReranker.Demote(hits, new HashSet<string> { "b", "d" });

        Assert.Equal(["a", "c", "e", "b", "d"], demoted.Select(h => h.Paper.Id));
        Assert.Same(hits, FeedbackReranker.Demote(hits, new HashSet<string>()));
    }

    [Fact]
    public void Similarity_is_the_overlap_of_content_word_stems()
    {
        Assert.Equal(1.0, FeedbackReranker.Similarity("KV caches compression", "compression of the KV cache"), 3);
        Assert.True(FeedbackReranker.Similarity("KV cache compression", "KV cache eviction") < FeedbackReranker.SimilarQuestion + 0.01);
        Assert.Equal(0.0, FeedbackReranker.Similarity("KV cache", "protein folding"));
    }
}
