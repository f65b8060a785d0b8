using System.Text.Json;

namespace ResearchBot.Cli.Evaluation;

/// <summary>
/// One line of a questions file: <c>{"question" (or "q"): …, "relevant" (or "gold"): [titles]}</c>, or, for a question
/// the store cannot answer, <c>{"question": …, "kind": "near-miss" | "off-topic"}</c> with no relevant titles.
/// </summary>
/// <param name="Kind">Null for an answerable question; otherwise what kind of unanswerable question it is.</param>
internal sealed record EvalQuestion(string Question, IReadOnlyList<string> Relevant, string? Kind = null)
{
    /// <summary>True when no paper of the store answers it (the answer should abstain).</summary>
    public bool Unanswerable => Relevant.Count == 0;

    /// <summary>Reads a questions file; a missing file or a bad line is a <see cref="CliException"/> naming the file and line.</summary>
    public static List<EvalQuestion> ReadFile(string path)
    {
        if (!File.Exists(path)) throw new CliException($"{path}: no such file");
        var questions = new List<EvalQuestion>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                questions.Add(Parse(line));
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
            {
                throw new CliException($"{path}:{number}: {ex.Message}");
            }
        }
        if (questions.Count == 0) throw new CliException($"{path}: no questions");
        return questions;
    }

    private static EvalQuestion Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("expected a JSON object");
        var question = Text(root, "question") ?? Text(root, "q") ?? throw new FormatException("no \"question\" (or \"q\")");
        var relevant = Titles(root, "relevant") ?? Titles(root, "gold");
        var kind = Text(root, "kind");
        if (relevant is null or [] && kind is null)
            throw new FormatException("no \"relevant\" (or \"gold\") titles, and no \"kind\" saying it is unanswerable");
        if (relevant is { Count: > 0 } && kind is not null)
            throw new FormatException("a question with relevant titles has no \"kind\" (that marks an unanswerable one)");
        return new EvalQuestion(question, relevant ?? [], kind);
    }

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string>? Titles(JsonElement o, string name)
    {
        if (!o.TryGetProperty(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.Array => [.. v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            JsonValueKind.String => [v.GetString()!],
            _ => throw new FormatException($"\"{name}\" must be a list of titles"),
        };
    }
}
