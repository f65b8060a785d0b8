using ResearchBot.Text.Analysis;

namespace ResearchBot.Tests.Text.Analysis;

public class TextAnalyzerTests
{
    private readonly TextAnalyzer _analyzer = new();

    [Fact]
    public void Stop_words_are_dropped_and_words_stemmed()
    {
        Assert.Equal(["transform", "languag", "model"], _analyzer.Analyze("The transformers of the language models"));
    }

    /// <summary>Search's re-ranking skips stemming a paper's words whose first two letters start no question stem (QueryTerms).</summary>
    [Fact]
    public void Stems_keep_a_words_first_two_letters()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paper in ResearchBot.Core.Tests.Digest.SeedPages.All())
        {
            var tokens = new WordTokenizer(paper.Title + " " + paper.Abstract);
            while (tokens.MoveNext()) words.Add(tokens.Current.ToString());
        }
        words.UnionWith(["happy", "filing", "hopping", "ties", "sensibility", "conditional", "organization", "agreed", "skies", "dying"]);

        var changed = words.Where(w => w.Length >= 2 && _analyzer.StemOrNull(w) is { } stem && (stem.Length < 2 || stem[0] != w[0] || stem[1] != w[1])).ToList();

        Assert.True(words.Count > 3_000);
        Assert.Empty(changed);
    }

    [Fact]
    public void Text_is_lowercased_and_split_on_punctuation()
    {
        Assert.Equal(["vision", "languag", "pretrain", "gpt4", "clip"], _analyzer.Analyze("Vision-Language PRETRAINING: GPT4, (CLIP)!"));
    }

    [Fact]
    public void Mu_is_read_as_mu()
    {
        Assert.Equal(["u", "mup"], _analyzer.Analyze("u-\u03bcP"));
        Assert.Equal(["mup", "transfer"], _analyzer.Analyze("\u00b5P transfer"));
        Assert.Equal(_analyzer.Analyze("muP scaling"), _analyzer.Analyze("\u03bcP scaling"));
    }

    [Fact]
    public void Accents_are_folded()
    {
        Assert.Equal(_analyzer.Analyze("Schrodinger naive cafe"), _analyzer.Analyze("Schr\u00f6dinger na\u00efve caf\u00e9"));
        Assert.Equal(["schroding"], _analyzer.Analyze("Schr\u00f6dinger"));
    }

    [Fact]
    public void Question_words_are_dropped_only_for_questions()
    {
        const string question = "Which paper proposes a way to find tokenizers?";
        Assert.Equal(["token"], _analyzer.Analyze(question, isQuestion: true));
        Assert.Equal(["paper", "propos", "wai", "find", "token"], _analyzer.Analyze(question));
    }

    [Fact]
    public void Words_keeps_every_word_including_stop_words()
    {
        Assert.Equal(["the", "u", "mup", "paper"], TextAnalyzer.Words("The u-\u03bcP paper"));
    }

    [Fact]
    public void Empty_and_punctuation_only_text_has_no_terms()
    {
        Assert.Empty(_analyzer.Analyze(""));
        Assert.Empty(_analyzer.Analyze(" -- ... !! "));
        Assert.Empty(_analyzer.Analyze("the of and", isQuestion: true));
    }

    [Fact]
    public void Stems_are_the_porter_stems()
    {
        Assert.Equal(PorterStemmer.Stem("generalization"), _analyzer.Stem("generalization"));
        Assert.Same(_analyzer.Stem("retrieval"), _analyzer.Stem("retrieval".AsSpan()));
    }

    [Fact]
    public void Content_terms_match_word_forms_and_drop_function_words()
    {
        Assert.Equal(_analyzer.ContentTerms("scaling caches decoders memories"), _analyzer.ContentTerms("scale cache decoder memory"));
        Assert.Empty(_analyzer.ContentTerms("what is the of it"));
        Assert.Empty(_analyzer.ContentTerms("we propose a new method and show it works in this paper"));
    }

    [Fact]
    public void Content_terms_have_the_stems_of_the_index_terms()
    {
        const string text = "Speculative decoding accelerates transformer inference with draft models";

        Assert.Equal(_analyzer.Analyze(text), _analyzer.ContentTerms(text));
    }

    [Fact]
    public void Content_terms_keep_a_hyphenated_compound_whole_while_the_index_splits_it()
    {
        Assert.Equal(["test-time", "scale"], _analyzer.ContentTerms("Test-time scaling"));
        Assert.Equal(["long-context", "model", "dash"], _analyzer.ContentTerms("long-contexts models -- and -dashes-"));
        Assert.Equal(["test", "time", "scale"], _analyzer.Analyze("Test-time scaling"));
        Assert.Equal("long-context", _analyzer.Stem("long-contexts"));
    }

    [Fact]
    public void Content_terms_drop_one_letter_words_and_fold_accents()
    {
        Assert.Equal(["cafe", "3d", "render"], _analyzer.ContentTerms("x café 3D rendering"));
    }

    [Fact]
    public void A_word_list_with_stems_holds_both_forms()
    {
        var set = _analyzer.WithStems(["compare", "summary"]);

        Assert.Superset(new HashSet<string>(["compare", "compar", "summary", "summari"]), set);
        Assert.Contains(_analyzer.ContentTerms("comparing")[0], set);
    }

    [Fact]
    public void Light_stemming_keeps_apart_words_porter_merges()
    {
        Assert.Single(new[] { "generation", "general", "generalization" }.Select(w => _analyzer.Stem(w)).Distinct());
        Assert.Equal(3, new[] { "generation", "general", "generalization" }.Select(w => _analyzer.Stem(w, Stemming.Light)).Distinct().Count());
        Assert.Equal(_analyzer.ContentTerms("KV caches", Stemming.Light), _analyzer.ContentTerms("KV cache", Stemming.Light));
        Assert.Equal(["test-tim", "scal"], _analyzer.ContentTerms("Test-time scaling", Stemming.Light));
    }

    [Fact]
    public void Light_content_terms_use_the_same_words_and_stop_list()
    {
        const string text = "We propose a new method for the KV cache of long-context models";

        Assert.Equal(_analyzer.ContentTerms(text).Count, _analyzer.ContentTerms(text, Stemming.Light).Count);
        Assert.Equal(["kv", "cach", "long-context", "model"], _analyzer.ContentTerms(text, Stemming.Light));
    }
}
