namespace ResearchBot.Retrieval;

/// <summary>Hybrid ranking settings (section <c>Retrieval</c>). The defaults were chosen on the dev questions and checked with distractors.</summary>
public sealed class RetrievalOptions
{
    public const string Section = "Retrieval";

    /// <summary>BM25 term-frequency saturation.</summary>
    public double K1 { get; set; } = 1.2;

    /// <summary>BM25 length normalization.</summary>
    public double B { get; set; } = 0.75;

    /// <summary>How much a title occurrence counts against an abstract one (BM25F).</summary>
    public double TitleWeight { get; set; } = 2.5;

    /// <summary>Weight of vector cosine similarity against the max-normalized BM25 score.</summary>
    public double VectorWeight { get; set; } = 0.6;

    /// <summary>Weight of the proximity bonus (query words next to each other in the paper) in re-ranking.</summary>
    public double ProximityWeight { get; set; } = 1.0;

    /// <summary>Largest distance, in index terms, at which two query words still count as near.</summary>
    public int ProximityWindow { get; set; } = 5;

    /// <summary>Terms found in more than this share of papers are scored only for first-pass candidates (they barely move the ranking and cost the most).</summary>
    public double CommonTermFraction { get; set; } = 0.25;

    /// <summary>How many fused candidates are re-ranked.</summary>
    public int Candidates { get; set; } = 50;

    /// <summary>Query words unknown to the index are matched to known words within one edit when at least this long.</summary>
    public int TypoMinLength { get; set; } = 5;

    /// <summary>
    /// Below this 0..1 relevance a hit is "not really about the question" (answers abstain when no hit reaches it).
    /// Calibrated with the relevance weights on the labelled tuning questions in data/eval (see docs/answering.md, Abstention).
    /// </summary>
    public double RelevanceThreshold { get; set; } = 0.35;

    /// <summary>Titles this similar (0..1, character trigram Jaccard) or more count as the same paper in one result list.</summary>
    public double NearDuplicateSimilarity { get; set; } = 0.9;
}
