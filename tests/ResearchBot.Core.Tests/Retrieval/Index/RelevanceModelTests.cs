using ResearchBot.Papers;
using ResearchBot.Retrieval;
using ResearchBot.Retrieval.Index;
using ResearchBot.Tests.Storage;
using static ResearchBot.Tests.Storage.TestPapers;

namespace ResearchBot.Tests.Retrieval.Index;

/// <summary>Concept coverage: the question's rare words must be held by a paper; typo corrections never suffice alone.</summary>
public class RelevanceModelTests
{
    private static readonly RetrievalOptions Options = new();

    private static async Task<TestStore> StoreAsync()
    {
        var t = TestStore.InMemory();
        await t.Store.UpsertAsync(Corpus);
        return t;
    }

    private static QueryTerms Parse(TestStore t, string question) => QueryTerms.Parse(question, t.Ranker.Snapshot(), Options);

    private static double Coverage(TestStore t, string question, Paper paper) =>
        Parse(t, question).Match(paper.Title, paper.Abstract).Coverage();

    [Fact]
    public async Task A_paper_holding_the_rare_words_covers_more_than_one_sharing_a_common_word()
    {
        using var t = await StoreAsync();
        const string question = "graph neural networks for molecule property prediction";

        var molecules = Coverage(t, question, Molecules);
        var speech = Coverage(t, question, Speech);

        Assert.Equal(1, molecules, 6);
        Assert.InRange(speech, 0, 0.3);
    }

    [Fact]
    public async Task A_word_no_paper_holds_lowers_every_papers_coverage()
    {
        using var t = await StoreAsync();

        var known = Coverage(t, "quantization of language models", Quantization);
        var withUnknownConcept = Coverage(t, "watermarking quantization of language models", Quantization);

        Assert.Equal(1, known, 6);
        // The unknown word weighs as the rarest possible word, so it takes more than a third of the question.
        Assert.InRange(withUnknownConcept, 0.2, 0.66);
    }

    [Fact]
    public async Task A_misspelt_lowercase_word_is_corrected_but_counts_half()
    {
        using var t = await StoreAsync();

        var query = Parse(t, "quanitzation");
        var match = query.Match(Quantization.Title, Quantization.Abstract);

        Assert.Contains(query.Weighted, w => w.Term == "quantiz");
        Assert.Equal(QueryTerms.DocumentMatch.CorrectionCredit, match.Coverage(), 6);
        Assert.False(match.AnyExact());
        Assert.Equal(0, RelevanceModel.Relevance(match, cosine: 0.9, proximity: 1));
    }

    [Fact]
    public async Task The_other_spelling_of_a_word_counts_as_the_word_itself()
    {
        using var t = await StoreAsync();

        // "quantisation" is no misspelling of "quantization": a paper spelling it the American way covers it fully.
        var match = Parse(t, "quantisation of language models").Match(Quantization.Title, Quantization.Abstract);

        Assert.True(match.AnyExact());
        Assert.Equal(1, match.Coverage(), 6);
    }

    [Theory]
    [InlineData("recognizing speech from raw audio", "recognit")]    // the paper says "recognition" (WordNet: recognize / recognition)
    [InlineData("autoquantization of language models", "quantiz")]  // an unknown word read without its prefix
    public async Task A_related_word_is_found_but_counts_half(string question, string relatedStem)
    {
        using var t = await StoreAsync();
        var query = Parse(t, question);
        var paper = relatedStem == "recognit" ? Speech : Quantization;

        var match = query.Match(paper.Title, paper.Abstract);

        Assert.Contains(query.Weighted, w => w.Term == relatedStem);
        Assert.True(match.AnyExact());
        // The related word earns half its question word's weight: more than missing it, less than the word itself.
        Assert.InRange(match.Coverage(), 0.5, 0.99);
        Assert.Equal(paper.Id, (await t.Search.SearchAsync(new SearchQuery(question))).Hits[0].Paper.Id);
    }

    [Theory]
    [InlineData("Quanitzation")]
    [InlineData("QUANITZATION")]
    [InlineData("quanitzation2")]
    public async Task Names_and_identifiers_are_never_typo_corrected(string word)
    {
        using var t = await StoreAsync();

        var query = Parse(t, "improving " + word + " accuracy");

        Assert.DoesNotContain(query.Weighted, w => w.Term == "quantiz");
    }

    [Fact]
    public async Task Relevance_grows_with_coverage_and_is_zero_without_an_exact_word()
    {
        using var t = await StoreAsync();
        var query = Parse(t, "diffusion models classifier guidance image synthesis");

        var onTopic = RelevanceModel.Relevance(query.Match(Diffusion.Title, Diffusion.Abstract), 0.3, 0.5);
        var offTopic = RelevanceModel.Relevance(query.Match(Speech.Title, Speech.Abstract), 0.3, 0);

        Assert.True(onTopic >= Options.RelevanceThreshold, $"{onTopic:F3}");
        Assert.True(offTopic < Options.RelevanceThreshold, $"{offTopic:F3}");
        Assert.InRange(onTopic, 0, 1);
    }

    [Fact]
    public async Task A_capitalised_name_one_edit_from_a_known_word_is_not_read_as_that_word()
    {
        using var t = await StoreAsync();

        // "robotx" is one edit from "robot": written in lowercase it is a typo, written "Robotx" it is a name.
        var asTypo = t.Ranker.Rank("agile robotx locomotion", null, DayRange.All, 5).Single(r => r.Title == Robotics.Title);
        var asName = t.Ranker.Rank("agile Robotx locomotion", null, DayRange.All, 5).Single(r => r.Title == Robotics.Title);

        Assert.True(asTypo.Relevance > asName.Relevance, $"typo {asTypo.Relevance:F3}, name {asName.Relevance:F3}");
    }

    [Fact]
    public async Task Evidence_is_what_a_paper_holds_and_does_not_shrink_with_the_questions_other_words()
    {
        using var t = await StoreAsync();
        const string question = "graph neural networks for molecule property prediction";
        const string paraphrase = question + " explained gently for curious newcomers";

        var short_ = Parse(t, question).Match(Molecules.Title, Molecules.Abstract);
        var long_ = Parse(t, paraphrase).Match(Molecules.Title, Molecules.Abstract);

        Assert.Equal(short_.Evidence(), long_.Evidence(), 6);
        Assert.True(long_.Coverage() < short_.Coverage(), $"{long_.Coverage():F3} vs {short_.Coverage():F3}");
        Assert.InRange(short_.Evidence(), 0.9, 1);
    }

    [Fact]
    public async Task A_paper_holding_one_common_question_word_has_little_evidence()
    {
        using var t = await StoreAsync();
        var query = Parse(t, "graph neural networks for molecule property prediction");

        var speech = query.Match(Speech.Title, Speech.Abstract).Evidence();
        var molecules = query.Match(Molecules.Title, Molecules.Abstract).Evidence();

        Assert.InRange(speech, 0, 0.25);
        Assert.True(molecules > 3 * speech, $"molecules {molecules:F3}, speech {speech:F3}");
    }

    [Fact]
    public async Task Evidence_counts_a_typo_correction_half_and_a_word_no_paper_holds_not_at_all()
    {
        using var t = await StoreAsync();

        var exact = Parse(t, "quantization").Match(Quantization.Title, Quantization.Abstract).Evidence();
        var typo = Parse(t, "quanitzation").Match(Quantization.Title, Quantization.Abstract).Evidence();
        var unknown = Parse(t, "watermarking").Match(Quantization.Title, Quantization.Abstract).Evidence();

        Assert.True(exact > 0);
        Assert.Equal(QueryTerms.DocumentMatch.CorrectionCredit * exact, typo, 6);
        Assert.Equal(0, unknown);
    }
}
