using ResearchBot.Text;
using System.Text;
using ResearchBot.Answering.Sources;

namespace ResearchBot.Answering.Offline;

/// <summary>
/// The answer without a language model: one bullet per paper that addresses the question, naming the paper and
/// saying in one or two of its own sentences what it does and what it found (the figures asked for), each bullet
/// ending with its [n]. Background and release notices are never quoted. Invents nothing; deterministic. The notice
/// that no model is configured is not part of the answer: the surfaces show it once (<see cref="Notice"/>).
/// </summary>
public sealed class OfflineAnswerer(AnsweringOptions options)
{
    /// <summary>What the surfaces say once (REPL) or as a footer (<c>ask</c>) when answers are offline.</summary>
    public const string Notice =
        "No language model is configured, so answers quote the papers' own sentences (set Chat:Provider to OpenAI or Ollama, with Chat:Endpoint, Chat:Model and Chat:ApiKey, to get written answers).";

    /// <summary>The answer text for <paramref name="question"/> from <paramref name="sources"/>.</summary>
    public string Answer(string question, IReadOnlyList<NumberedSource> sources)
    {
        var top = sources.Take(Math.Max(1, options.OfflineSourcePapers)).ToList();
        var picks = SentenceSelector.Select(SentenceScorer.Score(question, top), options.OfflineSentences);
        var sb = new StringBuilder();
        foreach (var pick in picks)
        {
            var said = new[] { pick.Does, pick.Found }.OfType<ScoredSentence>().OrderBy(s => s.Position).Select(s => StandaloneSentence.Of(s.Text));
            sb.Append("- ").Append(PaperName(pick.Source.Paper.Title)).Append(" — ").AppendJoin(' ', said)
                .Append(" [").Append(pick.Source.N).Append("]\n");
        }
        // No abstract says what its paper does (all background): name the best paper rather than quote its background.
        if (picks.Count == 0 && top.Count > 0)
            sb.Append("- ").Append(top[0].Paper.Title).Append(" [").Append(top[0].N).Append(']');
        return sb.ToString().TrimEnd();
    }

    /// <summary>The paper's short name when its title has one ("MiniCache: KV Cache …" → "MiniCache"), else the title.</summary>
    public static string PaperName(string title)
    {
        var colon = title.IndexOf(':');
        if (colon <= 0) return title;
        var name = title[..colon].Trim();
        return name.Length >= 2 && name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4 ? name : title;
    }
}
