using ResearchBot.Answering;
using ResearchBot.Answering.Text;
using ResearchBot.Discord.Rest.Models;
using ResearchBot.Storage;

namespace ResearchBot.Discord.Bot.Components;

/// <summary>The "Sources" button's reply: one embed per source (at most ten), its title linking to the paper, its first sentences below.</summary>
public sealed class SourceDetails(IPaperStore store)
{
    private const int MaxEmbeds = 10;
    private const int MaxSentences = 2;

    public async Task<OutgoingMessage> BuildAsync(IReadOnlyList<AnswerSource> sources, CancellationToken cancellationToken)
    {
        var list = sources.OrderBy(s => s.N).Take(MaxEmbeds).ToList();
        var perEmbed = (EmbedLimits.TotalText - 200) / Math.Max(1, list.Count);
        var embeds = new List<Embed>();
        foreach (var source in list)
        {
            var paper = await store.GetAsync(source.Id, cancellationToken);
            var title = Cut($"[{source.N}] {source.Title}", Math.Min(EmbedLimits.Title, perEmbed / 3));
            var opening = paper is null ? "" : string.Join(' ', Sentences.Split(paper.Abstract).Take(MaxSentences));
            var date = source.Published is { } d ? $"\n{d:yyyy-MM-dd}" : "";
            embeds.Add(new Embed(title, Cut(opening, perEmbed - title.Length - date.Length) + date, source.Url));
        }
        var more = sources.Count > list.Count ? $" (the first {list.Count} of {sources.Count})" : "";
        return new OutgoingMessage($"Sources of this answer{more}:", embeds) { Flags = MessageFlags.Ephemeral };
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..Math.Max(0, max - 1)].TrimEnd() + "…";
}
