using ResearchBot.Papers;

namespace ResearchBot.Answering.Sources;

/// <summary>A paper given to the answerer under number <see cref="N"/>.</summary>
public sealed record NumberedSource(int N, Paper Paper, double Relevance)
{
    /// <summary>The public form of this source.</summary>
    public AnswerSource ToAnswerSource() => new(N, Paper.Id, Paper.Title, PaperLinks.Url(Paper), Paper.Date);
}
