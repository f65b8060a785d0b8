using ResearchBot.Cli.Repl;

namespace ResearchBot.Cli.Tests;

/// <summary>The REPL's pager: a screen at a time, Space/Enter for more, q to stop; short text all at once.</summary>
public sealed class ReplPagerTests
{
    private static readonly string[] Lines = Enumerable.Range(1, 25).Select(i => $"line {i}").ToArray();

    private static (int Shown, string Text, int Asked) Page(int height, params PagerKey[] keys)
    {
        var output = new StringWriter();
        var asked = 0;
        var shown = ReplPager.Show(Lines, height, output, () => keys[asked++]);
        return (shown, output.ToString(), asked);
    }

    private static string[] Written(string text) =>
        text.Replace("\r" + new string(' ', ReplPager.Prompt.Length) + "\r", "").Replace(ReplPager.Prompt, "").ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    [Fact]
    public void Text_that_fits_the_window_is_written_at_once_without_a_prompt()
    {
        var (shown, text, asked) = Page(30);

        Assert.Equal(25, shown);
        Assert.Equal(0, asked);
        Assert.DoesNotContain(ReplPager.Prompt, text);
        Assert.Equal(Lines, Written(text));
    }

    [Fact]
    public void Space_shows_the_next_screen_until_the_end()
    {
        var (shown, text, asked) = Page(10, PagerKey.NextPage, PagerKey.NextPage);

        Assert.Equal(25, shown);
        Assert.Equal(2, asked); // 9 lines, then 9 more, then the last 7
        Assert.Equal(Lines, Written(text));
        Assert.StartsWith(string.Join(Environment.NewLine, Lines[..9]) + Environment.NewLine + ReplPager.Prompt, text);
    }

    [Fact]
    public void Enter_shows_one_more_line_and_other_keys_are_ignored()
    {
        var (shown, text, asked) = Page(10, PagerKey.Other, PagerKey.NextLine, PagerKey.Quit);

        Assert.Equal(10, shown);
        Assert.Equal(3, asked);
        Assert.Equal(Lines[..10], Written(text));
    }

    [Fact]
    public void Q_stops_and_the_prompt_is_wiped()
    {
        var (shown, text, _) = Page(5, PagerKey.Quit);

        Assert.Equal(4, shown);
        Assert.Equal(Lines[..4], Written(text));
        Assert.EndsWith("\r" + new string(' ', ReplPager.Prompt.Length) + "\r", text);
    }
}
