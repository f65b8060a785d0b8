using System.Text;
using ResearchBot.Display;

namespace ResearchBot.Cli.Output;

/// <summary>
/// A writer that passes text on without control characters (see <see cref="DisplayText"/>): what the CLI's standard output
/// and standard error go through, so no stored title or abstract can clear the screen, set the window title or ring the bell.
/// JSON output is unaffected (it escapes control characters itself); line feeds and tabs stay.
/// </summary>
internal sealed class SafeTextWriter(TextWriter inner) : TextWriter(inner.FormatProvider)
{
    public override Encoding Encoding => inner.Encoding;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value)
    {
        if (!DisplayText.IsUnsafe(value)) inner.Write(value);
    }

    public override void Write(string? value)
    {
        if (value is not null) inner.Write(DisplayText.Clean(value));
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

    public override void WriteLine(string? value)
    {
        Write(value);
        inner.WriteLine();
    }

    public override void WriteLine() => inner.WriteLine();

    public override Task WriteAsync(char value) => DisplayText.IsUnsafe(value) ? Task.CompletedTask : inner.WriteAsync(value);

    public override Task WriteAsync(string? value) => value is null ? Task.CompletedTask : inner.WriteAsync(DisplayText.Clean(value));

    public override Task WriteAsync(char[] buffer, int index, int count) => WriteAsync(new string(buffer, index, count));

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(DisplayText.Clean(new string(buffer.Span)).AsMemory(), cancellationToken);

    public override Task WriteLineAsync(string? value) => inner.WriteLineAsync(value is null ? null : DisplayText.Clean(value));

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteLineAsync(DisplayText.Clean(new string(buffer.Span)).AsMemory(), cancellationToken);

    public override Task WriteLineAsync() => inner.WriteLineAsync();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
}
