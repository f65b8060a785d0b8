using Microsoft.Extensions.Time.Testing;
using ResearchBot.Answering.Dates;

namespace ResearchBot.Core.Tests.Answering;

public sealed class DateFilterParserTests
{
    // Wednesday 2026-04-29.
    private readonly DateFilterParser _parser = new(new FakeTimeProvider(AnswerHarness.Now));

    [Theory]
    [InlineData("papers about agents today", "papers about agents", "2026-04-29", "2026-04-29")]
    [InlineData("what came out yesterday on reasoning?", "what came out on reasoning?", "2026-04-28", "2026-04-28")]
    [InlineData("agents this week", "agents", "2026-04-27", "2026-04-29")]
    [InlineData("diffusion papers from last week", "diffusion papers", "2026-04-20", "2026-04-26")]
    [InlineData("KV cache papers on Apr 28", "KV cache papers", "2026-04-28", "2026-04-28")]
    [InlineData("KV cache papers on April 28, 2025", "KV cache papers", "2025-04-28", "2025-04-28")]
    [InlineData("speculative decoding since Monday", "speculative decoding", "2026-04-27", "2026-04-29")]
    [InlineData("robotics in March", "robotics", "2026-03-01", "2026-03-31")]
    [InlineData("robotics in December", "robotics", "2025-12-01", "2025-12-31")]
    [InlineData("what about 2026-04-20?", "what about?", "2026-04-20", "2026-04-20")]
    [InlineData("agents from 2026-04-01 to 2026-04-10", "agents", "2026-04-01", "2026-04-10")]
    [InlineData("agents in the last 3 days", "agents", "2026-04-27", "2026-04-29")]
    [InlineData("Sora on May 5", "Sora", "2025-05-05", "2025-05-05")]
    public void Understands_dates_relative_to_today(string question, string text, string from, string to)
    {
        var filter = _parser.Parse(question);

        Assert.Equal(text, filter.Text);
        Assert.Equal(DateOnly.Parse(from), filter.From);
        Assert.Equal(DateOnly.Parse(to), filter.To);
    }

    [Theory]
    [InlineData("speculative decoding before Apr 20", null, "2026-04-19")]
    [InlineData("speculative decoding after Apr 20", "2026-04-21", "2026-04-29")]
    public void Open_ranges(string question, string? from, string to)
    {
        var filter = _parser.Parse(question);

        Assert.Equal("speculative decoding", filter.Text);
        Assert.Equal(from is null ? null : DateOnly.Parse(from), filter.From);
        Assert.Equal(DateOnly.Parse(to), filter.To);
    }

    [Theory]
    [InlineData("Which papers may improve memory efficiency?")]
    [InlineData("Mixture of experts with 128 experts")]
    [InlineData("What is the state of the art since transformers?")]
    public void Leaves_questions_without_dates_alone(string question)
    {
        var filter = _parser.Parse(question);

        Assert.Equal(question, filter.Text);
        Assert.False(filter.HasRange);
    }
}
