using System.Text;
using System.Text.RegularExpressions;
using ResearchBot.Discord.Bot;

namespace ResearchBot.Discord.Tests;

public class MessageSplitterTests
{
    [Fact]
    public void Short_text_is_one_message()
    {
        Assert.Equal(["Hello [1]."], MessageSplitter.Split("  Hello [1].  "));
    }

    [Fact]
    public void Empty_text_is_no_message()
    {
        Assert.Empty(MessageSplitter.Split(" \n\n "));
    }

    [Fact]
    public void A_5000_character_answer_is_three_messages_split_on_paragraphs()
    {
        var text = Paragraphs(5000);

        var chunks = MessageSplitter.Split(text);

        Assert.Equal(3, chunks.Count);
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 2000));
        Assert.Equal(Normalize(text), Normalize(string.Join("\n\n", chunks)));
        Assert.All(chunks, c => Assert.EndsWith(".", c));
    }

    [Fact]
    public void Never_cuts_inside_a_citation()
    {
        // One long paragraph whose only break points around position 2000 are inside citations.
        var text = new string('a', 1995) + " [12, 13] " + new string('b', 100);

        var chunks = MessageSplitter.Split(text);

        Assert.Equal(2, chunks.Count);
        Assert.Contains(chunks, c => c.Contains("[12, 13]"));
        Assert.All(chunks, c => Assert.True(c.Length <= 2000));
    }

    [Fact]
    public void Never_cuts_inside_a_markdown_link_or_url()
    {
        var link = "[a paper](https://arxiv.org/abs/2401.12345)";
        var url = "https://huggingface.co/papers/2401.54321";
        var text = new string('x', 1980) + " " + link + " " + url + " tail";

        var chunks = MessageSplitter.Split(text);

        Assert.All(chunks, c => Assert.True(c.Length <= 2000));
        Assert.Contains(chunks, c => c.Contains(link));
        Assert.Contains(chunks, c => c.Contains(url));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(1234)]
    public void Random_answers_keep_every_citation_whole_and_lose_no_text(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        while (text.Length < 9000)
        {
            var sentence = string.Join(' ', Enumerable.Range(0, random.Next(3, 30)).Select(_ => new string('w', random.Next(1, 12))));
            text.Append(sentence).Append($" [{random.Next(1, 20)}]");
            text.Append(random.Next(5) switch { 0 => "\n\n", 1 => "\n", 2 => $" see https://arxiv.org/abs/2401.{random.Next(10000, 99999)} ", _ => ". " });
        }

        var chunks = MessageSplitter.Split(text.ToString());

        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 2000));
        Assert.Equal(Citations(text.ToString()), chunks.SelectMany(Citations).ToList());
        Assert.Equal(Normalize(text.ToString()), Normalize(string.Join(" ", chunks)));
        Assert.All(chunks, c => Assert.DoesNotMatch(@"\[\d*$|^\d*\]", c));
    }

    [Fact]
    public void A_single_word_longer_than_the_limit_is_cut_hard()
    {
        var chunks = MessageSplitter.Split(new string('z', 4500));

        Assert.Equal([2000, 2000, 500], chunks.Select(c => c.Length));
    }

    [Fact]
    public void Preview_fits_one_message_and_marks_the_cut()
    {
        var preview = MessageSplitter.Preview(Paragraphs(5000));

        Assert.True(preview.Length <= 2000);
        Assert.EndsWith("…", preview);
    }

    private static string Paragraphs(int length)
    {
        var text = new StringBuilder();
        var n = 0;
        while (text.Length < length - 400)
        {
            n++;
            text.Append($"Paragraph {n}: ").Append(string.Join(' ', Enumerable.Repeat("evidence", 38))).Append($" [{n % 9 + 1}].\n\n");
        }
        return text.ToString().Trim() + " " + new string('q', Math.Max(0, length - text.Length - 2)) + ".";
    }

    private static List<string> Citations(string text) => Regex.Matches(text, @"\[\d+\]").Select(m => m.Value).ToList();

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
