using ResearchBot.Papers;

namespace ResearchBot.Embeddings;

/// <summary>The text a paper's embedding is made from (the same for every store and for benchmarks): title, then abstract.</summary>
public static class PaperEmbeddingText
{
    public static string Of(Paper paper) => Of(paper.Title, paper.Abstract);

    public static string Of(string title, string @abstract) => title + ". " + @abstract;
}
