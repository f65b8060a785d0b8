using ResearchBot.Papers;

namespace ResearchBot.Core.Tests.Papers;

public sealed class PaperLinksTests
{
    [Fact]
    public void The_arxiv_page_when_the_id_is_known_from_the_id_or_the_stored_link()
    {
        Assert.Equal("https://arxiv.org/abs/2405.14366", PaperLinks.Url(new Paper { Id = "2405.14366", Title = "MiniCache" }));
        Assert.Equal("https://arxiv.org/abs/2405.14366",
            PaperLinks.Url(new Paper { Id = PaperId.FromTitle("MiniCache"), Title = "MiniCache", Url = "https://huggingface.co/papers/2405.14366" }));
    }

    [Fact]
    public void Else_the_stored_link_else_a_hugging_face_papers_search_for_the_title()
    {
        Assert.Equal("https://example.org/p", PaperLinks.Url(new Paper { Id = "t-1", Title = "X", Url = "https://example.org/p" }));
        Assert.Equal("https://huggingface.co/papers?q=MiniCache%3A%20KV%20Cache%20Compression%20%26%20more",
            PaperLinks.Url(new Paper { Id = "t-2", Title = "MiniCache: KV Cache Compression & more" }));
    }
}
