namespace ResearchBot.Papers;

/// <summary>The link shown for a paper: one a person can always open.</summary>
public static class PaperLinks
{
    /// <summary>The arXiv page when the arXiv id is known (from the id or the stored link), else the stored link, else a Hugging Face papers search for the title.</summary>
    public static string Url(Paper paper) =>
        PaperId.ArxivUrl(paper.Id)
        ?? (PaperId.TryArxiv(paper.Url) is { } arxiv ? $"https://arxiv.org/abs/{arxiv}" : null)
        ?? paper.Url
        ?? TitleSearch(paper.Title);

    /// <summary>The Hugging Face papers search for <paramref name="title"/>.</summary>
    public static string TitleSearch(string title) => "https://huggingface.co/papers?q=" + Uri.EscapeDataString(title.Trim());
}
