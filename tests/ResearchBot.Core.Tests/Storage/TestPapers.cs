using ResearchBot.Papers;

namespace ResearchBot.Tests.Storage;

/// <summary>Small hand-written papers, and a corpus of distinct topics with listing days in Nov 2026.</summary>
internal static class TestPapers
{
    public static DateOnly Day(int d) => new(2026, 11, d);

    /// <summary>A paper with a title-hash id unless <paramref name="id"/> is given.</summary>
    public static Paper Make(string title, string @abstract, int? day = null, string source = "page", string? id = null) => new()
    {
        Id = id ?? PaperId.FromTitle(title),
        Title = title,
        Abstract = @abstract,
        Listings = day is int d ? [new Listing(Day(d), source)] : [],
    };

    public static readonly Paper Transformers = Make("Transformers for Long Document Summarization",
        "We adapt transformer encoders with sparse attention to summarize long scientific documents, reaching state of the art ROUGE on arXiv and PubMed.", 2);

    public static readonly Paper VisionLanguage = Make("Vision-Language Pretraining with Contrastive Captions",
        "A vision-language model pretrained on image-text pairs with a contrastive and captioning objective improves zero-shot image classification and retrieval.", 3);

    public static readonly Paper Diffusion = Make("Diffusion Models Beat GANs on Image Synthesis",
        "Denoising diffusion probabilistic models with classifier guidance generate images of higher fidelity than generative adversarial networks.", 4);

    public static readonly Paper Quantization = Make("Quantization of Large Language Models to Four Bits",
        "Post-training quantization compresses the weights of large language models to four bits with little loss of perplexity.", 5);

    public static readonly Paper Rag = Make("Retrieval-Augmented Generation for Open-Domain Question Answering",
        "A dense retriever fetches passages from Wikipedia that a sequence-to-sequence generator conditions on to answer open-domain questions.", 6);

    public static readonly Paper Molecules = Make("Graph Neural Networks for Molecule Property Prediction",
        "Message passing graph neural networks predict quantum chemical properties of small molecules from their bond graphs.", 7);

    public static readonly Paper Robotics = Make("Reinforcement Learning for Legged Robot Locomotion",
        "A quadruped robot learns agile locomotion in simulation with reinforcement learning and transfers the policy to hardware.", 8);

    public static readonly Paper Speech = Make("Self-Supervised Speech Recognition from Raw Audio",
        "Masked prediction over quantized speech units learns representations from raw audio that make low-resource speech recognition accurate.", 9);

    public static IReadOnlyList<Paper> Corpus => [Transformers, VisionLanguage, Diffusion, Quantization, Rag, Molecules, Robotics, Speech];
}

/// <summary>Compares papers by value, lists included (records compare lists by reference).</summary>
internal sealed class PaperComparer : IEqualityComparer<Paper?>
{
    public static readonly PaperComparer Instance = new();

    public bool Equals(Paper? a, Paper? b) =>
        a is null || b is null ? a is null && b is null
        : a with { Authors = [], AiKeywords = [], Listings = [] } == b with { Authors = [], AiKeywords = [], Listings = [] }
          && a.Authors.SequenceEqual(b.Authors) && a.AiKeywords.SequenceEqual(b.AiKeywords) && a.Listings.SequenceEqual(b.Listings);

    public int GetHashCode(Paper? p) => p?.Id.GetHashCode() ?? 0;
}

/// <summary>The seed Daily Papers pages, parsed as ingestion parses them (one list per page, in file order).</summary>
internal static class SeedPapers
{
    private static readonly Lazy<IReadOnlyList<IReadOnlyList<Paper>>> Parsed = new(() =>
    {
        var parser = new ResearchBot.Ingestion.DailyPageParser();
        return [.. Ingestion.FixtureFiles.SeedPages.Select(p =>
            parser.Parse(File.ReadAllText(p), new ResearchBot.Ingestion.ParseContext(Path.GetFileName(p), null, new DateOnly(2026, 11, 23))))];
    });

    public static IReadOnlyList<IReadOnlyList<Paper>> Pages() => Parsed.Value;
}
