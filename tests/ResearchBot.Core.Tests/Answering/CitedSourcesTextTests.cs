using ResearchBot.Answering;

namespace ResearchBot.Core.Tests.Answering;

public sealed class CitedSourcesTextTests
{
    [Fact]
    public void Lists_only_the_cited_sources_with_date_and_link()
    {
        AnswerSource[] sources =
        [
            new(1, "2604.00001", "Keyformer", "https://arxiv.org/abs/2604.00001", new DateOnly(2026, 4, 27)),
            new(2, "2604.00002", "TriForce", null, null),
            new(3, "2604.00003", "RAPID", "https://arxiv.org/abs/2604.00003", null),
        ];
        var answer = new Answer("q", "q", "A [1] and C [3].", sources, [1, 3], "model", null, false);

        Assert.Equal("[1] Keyformer (2026-04-27) https://arxiv.org/abs/2604.00001\n[3] RAPID https://arxiv.org/abs/2604.00003", CitedSourcesText.Of(answer));
    }
}
