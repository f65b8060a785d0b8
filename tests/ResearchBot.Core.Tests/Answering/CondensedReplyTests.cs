using ResearchBot.Answering;
using ResearchBot.Answering.Condensing;

namespace ResearchBot.Core.Tests.Answering;

public sealed class CondensedReplyTests
{
    [Theory]
    [InlineData("Which GPUs did TriForce run on?", "Which GPUs did TriForce run on?")]
    [InlineData("Sure! Here is the standalone question:\n\nWhich GPUs did TriForce run on?", "Which GPUs did TriForce run on?")]
    [InlineData("Certainly. Here's the rewritten question: 'Which GPUs did TriForce run on?'", "Which GPUs did TriForce run on?")]
    [InlineData("Okay!\n\"Which GPUs did TriForce run on?\"\n(I replaced \"it\" with TriForce.)", "Which GPUs did TriForce run on?")]
    [InlineData("Standalone question: «Which GPUs did TriForce run on?»", "Which GPUs did TriForce run on?")]
    [InlineData("<question>Which GPUs did TriForce run on?</question>", "Which GPUs did TriForce run on?")]
    [InlineData("> **Which GPUs did TriForce run on?**", "Which GPUs did TriForce run on?")]
    [InlineData("Question: List papers on KV cache compression from April 2026", "List papers on KV cache compression from April 2026")]
    [InlineData("What does Keyformer: KV Cache Reduction propose?", "What does Keyformer: KV Cache Reduction propose?")]
    [InlineData("Here you go:\nCompare Keyformer and TriForce on memory.", "Compare Keyformer and TriForce on memory.")]
    [InlineData("The standalone question is:\nList KV cache papers from April 2026\nNote: \"it\" referred to the KV cache.", "List KV cache papers from April 2026")]
    [InlineData("The rewritten question would be: Does TriForce need retraining?", "Does TriForce need retraining?")]
    [InlineData("Okapi BM25 versus dense retrievers for long documents", "Okapi BM25 versus dense retrievers for long documents")]
    public void The_question_is_read_out_of_a_chatty_reply(string reply, string expected) =>
        Assert.Equal(expected, CondensedReply.Parse(reply));

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("Sure! Here is the standalone question:")]
    [InlineData("\"\"")]
    public void A_reply_without_a_question_gives_none(string reply) => Assert.Null(CondensedReply.Parse(reply));

    [Fact]
    public void Citation_markers_become_the_titles_they_point_at()
    {
        AnswerSource[] sources = [new(1, "a", "Keyformer", null, null), new(2, "b", "TriForce", null, null)];

        Assert.Equal("Keyformer (Keyformer), both (Keyformer; TriForce), and [7] stays",
            CitationTitles.Replace("Keyformer [1], both [1, 2], and [7] stays", sources));
        Assert.Equal("no sources [1]", CitationTitles.Replace("no sources [1]", null));
    }
}
