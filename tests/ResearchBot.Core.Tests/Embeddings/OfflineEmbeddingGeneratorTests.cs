using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using ResearchBot.Embeddings;

namespace ResearchBot.Tests.Embeddings;

public class OfflineEmbeddingGeneratorTests
{
    private static async Task<float[]> EmbedAsync(IEmbeddingGenerator<string, Embedding<float>> g, string text) =>
        (await g.GenerateAsync([text]))[0].Vector.ToArray();

    [Fact]
    public async Task The_same_text_gives_the_same_vector_across_instances()
    {
        const string text = "Transformers for long document summarization with sparse attention";
        var a = await EmbedAsync(new OfflineEmbeddingGenerator(), text);
        var b = await EmbedAsync(new OfflineEmbeddingGenerator(), text);
        Assert.Equal(a, b);
        Assert.Equal(a, await EmbedAsync(new OfflineEmbeddingGenerator(), text));
    }

    [Theory]
    [InlineData("vision-language models")]
    [InlineData("A single word")]
    [InlineData("Diffusion models beat GANs on image synthesis. Denoising diffusion probabilistic models with classifier guidance.")]
    public async Task Vectors_are_l2_normalized(string text)
    {
        var v = await EmbedAsync(new OfflineEmbeddingGenerator(), text);
        Assert.Equal(new OfflineEmbeddingOptions().Dimensions, v.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(v), 4);
    }

    [Fact]
    public async Task Text_without_content_words_is_the_zero_vector()
    {
        var v = await EmbedAsync(new OfflineEmbeddingGenerator(), "the of and");
        Assert.All(v, x => Assert.Equal(0f, x));
    }

    [Fact]
    public void Metadata_names_the_provider_model_and_dimensions()
    {
        var g = new OfflineEmbeddingGenerator(new OfflineEmbeddingOptions { Dimensions = 256 });
        var metadata = g.GetService<EmbeddingGeneratorMetadata>();
        Assert.NotNull(metadata);
        Assert.Equal("offline", metadata.ProviderName);
        Assert.Equal("offline-hash-v1-256", metadata.DefaultModelId);
        Assert.Equal(256, metadata.DefaultModelDimensions);
        Assert.Same(g, g.GetService<OfflineEmbeddingGenerator>());
        Assert.Null(g.GetService(typeof(EmbeddingGeneratorMetadata), "key"));
    }

    [Fact]
    public async Task Dimensions_follow_the_options()
    {
        var v = await EmbedAsync(new OfflineEmbeddingGenerator(new OfflineEmbeddingOptions { Dimensions = 64 }), "graph neural networks");
        Assert.Equal(64, v.Length);
        var embedding = (await new OfflineEmbeddingGenerator(new OfflineEmbeddingOptions { Dimensions = 64 }).GenerateAsync(["x"]))[0];
        Assert.Equal("offline-hash-v1-64", embedding.ModelId);
    }

    [Theory]
    [InlineData("transformers", "tranformers", "cooking")]
    [InlineData("vision-language", "vison-language", "sourdough")]
    [InlineData("quantization", "quantisation", "locomotion")]
    [InlineData("summarization", "summarizing", "molecules")]
    public async Task A_typo_or_inflection_stays_closer_than_an_unrelated_word(string word, string variant, string unrelated)
    {
        var g = new OfflineEmbeddingGenerator();
        var w = await EmbedAsync(g, word);
        var v = await EmbedAsync(g, variant);
        var u = await EmbedAsync(g, unrelated);
        var close = TensorPrimitives.CosineSimilarity(w, v);
        var far = TensorPrimitives.CosineSimilarity(w, u);
        // A typo only wins by a small margin: character n-grams carry little of a word's weight next to its stem.
        Assert.True(close > far, $"{word}/{variant}: {close:F3}, {word}/{unrelated}: {far:F3}");
    }

    [Fact]
    public async Task Batches_keep_their_order()
    {
        var g = new OfflineEmbeddingGenerator();
        var texts = Enumerable.Range(0, 50).Select(i => $"paper number {i} about topic {i * 7 % 13} and method m{i}").ToList();

        var batch = await g.GenerateAsync(texts);

        Assert.Equal(texts.Count, batch.Count);
        for (var i = 0; i < texts.Count; i++) Assert.Equal(await EmbedAsync(g, texts[i]), batch[i].Vector.ToArray());
    }

    [Fact]
    public async Task Stop_words_and_question_words_do_not_change_the_vector()
    {
        var g = new OfflineEmbeddingGenerator();
        var plain = await EmbedAsync(g, "tokenizers");
        Assert.Equal(plain, await EmbedAsync(g, "Which paper describes the tokenizers?"));
    }

    [Fact]
    public async Task An_idf_table_weights_rare_stems_more()
    {
        var idf = new Dictionary<string, float> { ["model"] = 0.1f, ["diffus"] = 5f };
        var g = new OfflineEmbeddingGenerator(idf: idf);
        var text = await EmbedAsync(g, "diffusion model");
        var diffusion = await EmbedAsync(g, "diffusion");
        var model = await EmbedAsync(g, "model");
        var cosDiffusion = TensorPrimitives.CosineSimilarity(text, diffusion);
        var cosModel = TensorPrimitives.CosineSimilarity(text, model);
        Assert.True(cosDiffusion > cosModel, $"{cosDiffusion:F3} vs {cosModel:F3}");
    }
}
