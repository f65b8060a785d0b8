using System.Text;
using ResearchBot.Answering.Sources;

namespace ResearchBot.Answering.Offline;

/// <summary>
/// The answer without a language model: one line saying none is configured and how to configure one, then the
/// sentences of the top abstracts that best answer the question, each followed by its [n]. Invents nothing;
/// deterministic.
/// </summary>
public sealed class OfflineAnswerer(AnsweringOptions options)
{
    /// <summary>The line that opens every offline answer.</summary>
    public const string Notice =
        "No language model is configured, so here are the most relevant sentences from the papers (set Chat:Provider to OpenAI or Ollama, with Chat:Endpoint, Chat:Model and Chat:ApiKey, to get written answers).";

    /// <summary>The answer text for <paramref name="question"/> from <paramref name="sources"/>.</summary>
    public string Answer(string question, IReadOnlyList<NumberedSource> sources)
    {
        var top = sources.Take(Math.Max(1, options.OfflineSourcePapers)).ToList();
        var picked = SentenceSelector.Select(SentenceScorer.Score(question, top), options.OfflineSentences);
        var sb = new StringBuilder(Notice).Append("\n\n");
        foreach (var group in picked.GroupBy(s => s.SourceN))
        {
            var title = top.First(s => s.N == group.Key).Paper.Title;
            sb.Append("- ").Append(title).Append(": ");
            sb.Append(string.Join(" ", group.Select(s => $"{s.Text} [{s.SourceN}]"))).Append('\n');
        }
        return sb.ToString().TrimEnd();
    }
}
