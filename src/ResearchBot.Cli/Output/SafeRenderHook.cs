using ResearchBot.Display;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ResearchBot.Cli.Output;

/// <summary>
/// Removes control characters (see <see cref="DisplayText"/>) from the text Spectre.Console renders, while its own
/// control codes (colours, live progress) pass: Spectre writes to the raw terminal, so text is cleaned segment by segment.
/// </summary>
internal sealed class SafeRenderHook : IRenderHook
{
    public IEnumerable<IRenderable> Process(RenderOptions options, IEnumerable<IRenderable> renderables) =>
        renderables.Select(r => (IRenderable)new SafeRenderable(r));

    private sealed class SafeRenderable(IRenderable inner) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
            inner.Render(options, maxWidth).Select(s => s.IsControlCode || s.IsLineBreak ? s : Clean(s));

        private static Segment Clean(Segment s)
        {
            var text = DisplayText.Clean(s.Text);
            return ReferenceEquals(text, s.Text) ? s : new Segment(text, s.Style);
        }
    }
}
