using ResearchBot.Cli.Output;
using Spectre.Console;

namespace ResearchBot.Cli.Tests;

/// <summary>The console layer every CLI output goes through: text loses its control characters, Spectre's own styling stays.</summary>
public sealed class SafeOutputTests
{
    private const string Hostile = "\u001b[2J\u001b]0;pwned\u0007\u009b31m\u0000";

    [Fact]
    public async Task The_writer_strips_control_characters_from_every_write_and_keeps_newlines_and_tabs()
    {
        using var inner = new StringWriter { NewLine = "\n" };
        var writer = new SafeTextWriter(inner);

        writer.Write($"a{Hostile}b\t");
        writer.Write('\u0007');
        writer.Write($"c{Hostile}".ToCharArray(), 0, 3);
        writer.WriteLine($"d{Hostile}");
        await writer.WriteAsync($"e{Hostile}");
        await writer.WriteLineAsync($"f{Hostile}".AsMemory());

        Assert.Equal("a[2J]0;pwned31mb\tc[d[2J]0;pwned31m\ne[2J]0;pwned31mf[2J]0;pwned31m\n", inner.ToString());
    }

    [Fact]
    public void On_a_terminal_Spectre_keeps_its_colours_but_stored_text_loses_its_control_characters()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Out = new AnsiConsoleOutput(output),
        });
        console.Pipeline.Attach(new SafeRenderHook());

        console.MarkupLine($"[bold]{Markup.Escape($"Title{Hostile} here")}[/]");
        console.Write(new Table().AddColumn("title").AddRow(Markup.Escape($"Row{Hostile}")));

        var text = output.ToString();
        Assert.Contains("\u001b[1m", text); // Spectre's own bold
        Assert.Contains("Title[2J]0;pwned31m here", text);
        Assert.Contains("Row[2J]0;pwned31m", text);
        Assert.DoesNotContain("\u001b[2J", text);
        Assert.DoesNotContain("\u001b]0;", text);
        Assert.DoesNotContain('\u0007', text);
        Assert.DoesNotContain('\u009b', text);
        Assert.DoesNotContain('\u0000', text);
    }
}
