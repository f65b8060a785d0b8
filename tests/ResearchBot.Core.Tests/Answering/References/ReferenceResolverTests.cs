using ResearchBot.Answering.References;
using ResearchBot.TestSupport.Fakes;

namespace ResearchBot.Core.Tests.Answering.References;

public sealed class ReferenceResolverTests
{
    private static readonly ReferenceResolver Resolver = new(new FakePaperStore(TestPapers.All));

    // [1] Keyformer, [2] TriForce, [3] RAPID, as the sources under an answer.
    private static readonly ShownList Answer = new(["2604.00001", "2604.00002", "2604.00003"], ShownListKind.Answer);

    [Fact]
    public async Task A_number_resolves_to_that_paper_under_its_list_number()
    {
        var resolved = await Resolver.ResolveAsync("tell me more about [2]", Answer, default);

        Assert.True(resolved.Found);
        var source = Assert.Single(resolved.Sources);
        Assert.Equal((2, "2604.00002"), (source.N, source.Paper.Id));
        Assert.Equal("tell me more about \"TriForce: Lossless Acceleration of Long Sequence Generation with Hierarchical Speculative Decoding\"", resolved.Standalone);
    }

    [Fact]
    public async Task A_comparison_keeps_the_order_of_mention()
    {
        var resolved = await Resolver.ResolveAsync("compare [3] and [1] on speed", Answer, default);

        Assert.True(resolved.Compare);
        Assert.Equal([3, 1], resolved.Sources.Select(s => s.N));
        Assert.Equal("speed", resolved.Aspect);
    }

    [Fact]
    public async Task A_number_that_does_not_exist_is_said_plainly()
    {
        var resolved = await Resolver.ResolveAsync("what about [7]?", Answer, default);

        Assert.False(resolved.Found);
        Assert.Empty(resolved.Sources);
        Assert.Equal("There is no [7]; the last answer listed [1]–[3].", resolved.Missing);
        Assert.Equal("There is no [4] or [9]; the last search listed [1]–[3].",
            (await Resolver.ResolveAsync("compare [4] and [9]", Answer with { Kind = ShownListKind.Search }, default)).Missing);
        Assert.Equal("There is no [2]: no numbered list has been shown yet (ask a question or /search first).",
            (await Resolver.ResolveAsync("tell me more about [2]", null, default)).Missing);
    }

    [Fact]
    public async Task A_question_without_references_is_left_alone()
    {
        var resolved = await Resolver.ResolveAsync("Which papers study speculative decoding?", Answer, default);

        Assert.False(resolved.Found);
        Assert.Null(resolved.Missing);
        Assert.Equal("Which papers study speculative decoding?", resolved.Standalone);
    }

    [Theory]
    [InlineData("2", "2604.00002")]
    [InlineData("[3]", "2604.00003")]
    [InlineData("2604.00005", "2604.00005")]
    [InlineData("https://arxiv.org/abs/2604.00004v2", "2604.00004")]
    [InlineData("arXiv:2604.00006", "2604.00006")]
    [InlineData("TriForce", "2604.00002")]
    [InlineData("CodeMonkeys", "2604.00005")]
    [InlineData("voxel transformer scattered", "2604.00004")]
    public async Task Paper_takes_a_list_number_an_arxiv_id_or_link_a_paper_id_or_title_words(string argument, string id)
    {
        var found = await Resolver.FindPaperAsync(argument, Answer, default);

        Assert.Equal(id, found.Paper?.Id);
        Assert.Null(found.Problem);
    }

    [Fact]
    public async Task Paper_says_why_nothing_was_found()
    {
        Assert.Equal("There is no [5]; the last answer listed [1]–[3].", (await Resolver.FindPaperAsync("5", Answer, default)).Problem);
        Assert.StartsWith("No paper with arXiv id 2405.14366 is in the store (its arXiv page: https://arxiv.org/abs/2405.14366)",
            (await Resolver.FindPaperAsync("https://arxiv.org/abs/2405.14366v2", Answer, default)).Problem);
        Assert.StartsWith("No paper matches 'quantum chromodynamics'", (await Resolver.FindPaperAsync("quantum chromodynamics", Answer, default)).Problem);
    }

    [Fact]
    public void The_list_after_an_answer_is_its_cited_sources_but_a_follow_up_about_listed_papers_keeps_the_list()
    {
        var first = new ResearchBot.Answering.Answer("q", "q", "a [1] b [2]",
            [new(1, "2604.00001", "K", null, null), new(2, "2604.00002", "T", null, null), new(3, "2604.00003", "R", null, null)], [1, 2], "offline", null, false);
        var shown = ShownList.After(null, first);
        Assert.Equal(["2604.00001", "2604.00002"], shown!.PaperIds);

        var followUp = new ResearchBot.Answering.Answer("tell me more about [2]", "…", "T does [2]; see also [3]",
            [new(2, "2604.00002", "T", null, null), new(3, "2604.00009", "found by a tool", null, null)], [2, 3], "model", null, false);
        var kept = ShownList.After(shown, followUp);
        Assert.Equal(["2604.00001", "2604.00002", "2604.00009"], kept!.PaperIds);

        var nothing = new ResearchBot.Answering.Answer("[9]", "[9]", "There is no [9].", [], [], "offline", null, true);
        Assert.Same(kept, ShownList.After(kept, nothing));
    }

    [Fact]
    public void An_answer_about_listed_papers_makes_them_the_focus_until_an_answer_about_something_else()
    {
        var first = new ResearchBot.Answering.Answer("q", "q", "a [1] b [2] c [3]",
            [new(1, "2604.00001", "K", null, null), new(2, "2604.00002", "T", null, null), new(3, "2604.00003", "R", null, null)], [1, 2, 3], "offline", null, false);
        var shown = ShownList.After(null, first);
        Assert.Null(shown!.Focus);

        var compared = new ResearchBot.Answering.Answer("compare [1] and [3]", "…", "K [1]; R [3]",
            [new(1, "2604.00001", "K", null, null), new(3, "2604.00003", "R", null, null)], [1, 3], "offline", null, false, About: [1, 3]);
        var focused = ShownList.After(shown, compared);
        Assert.Equal(shown.PaperIds, focused!.PaperIds);
        Assert.Equal([1, 3], focused.Focus);

        var missing = new ResearchBot.Answering.Answer("[9]", "[9]", "There is no [9].", [], [], "offline", null, true);
        Assert.Null(ShownList.After(focused, missing)!.Focus);
        var other = new ResearchBot.Answering.Answer("new q", "new q", "x [1]", [new(1, "2604.00005", "C", null, null)], [1], "offline", null, false);
        Assert.Null(ShownList.After(focused, other)!.Focus);
    }

    [Fact]
    public async Task Their_after_a_comparison_resolves_to_the_compared_papers_with_a_readable_standalone_question()
    {
        var resolved = await Resolver.ResolveAsync("what about their memory cost?", Answer with { Focus = [1, 3] }, default);

        Assert.True(resolved.Found);
        Assert.Equal([1, 3], resolved.Sources.Select(s => s.N));
        Assert.Equal("memory cost", resolved.Aspect);
        Assert.StartsWith("what about the memory cost of \"Keyformer", resolved.Standalone);
        Assert.DoesNotContain("compare", resolved.Standalone);
        Assert.False((await Resolver.ResolveAsync("what about their memory cost?", Answer, default)).Found);
    }
}
