using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ResearchBot.Cli.Output;

namespace ResearchBot.Cli.Tests;

/// <summary>Console log lines lose control characters like every other human-readable output, and keep the simple layout.</summary>
public sealed class SafeConsoleFormatterTests
{
    [Fact]
    public void A_logged_title_with_escape_sequences_reaches_the_console_without_them()
    {
        var message = "Removed citation in \"Evil \u001b[2J\u001b]0;PWNED\u0007 Title\u009b\"";
        var exception = new InvalidOperationException("bad \u001b[31mreply");
        var output = Write(LogLevel.Warning, message, exception);

        Assert.DoesNotContain(output, c => c is < ' ' and not '\n' and not '\r' || c is >= '\u007f' and <= '\u009f');
        Assert.StartsWith("warn: ResearchBot.Test[7]" + Environment.NewLine + "      Removed citation in \"Evil [2J]0;PWNED Title\"", output);
        Assert.Contains("      System.InvalidOperationException: bad [31mreply", output);
    }

    [Fact]
    public void An_empty_message_without_an_exception_writes_nothing()
    {
        Assert.Equal("", Write(LogLevel.Error, "", null));
    }

    private static string Write(LogLevel level, string message, Exception? exception)
    {
        using var writer = new StringWriter();
        var entry = new LogEntry<string>(level, "ResearchBot.Test", new EventId(7), message, exception, (s, _) => s);
        new SafeConsoleFormatter().Write(entry, null, writer);
        return writer.ToString();
    }
}
