using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ResearchBot.Papers;

namespace ResearchBot.Benchmarks.Synthetic;

/// <summary>
/// Synthetic distractor papers as JSON Lines, made the way <c>shared/eval/synth.py</c> makes them: titles of 6–12 words
/// drawn from the sample corpus's title words, abstracts of 120–220 words drawn from its abstract words, a fixed seed.
/// </summary>
public static partial class SyntheticPapers
{
    /// <summary>Writes <paramref name="count"/> papers to <paramref name="path"/> (ids <c>syn.000000</c>…).</summary>
    public static void WriteJsonLines(string path, int count, IReadOnlyList<Paper> vocabularySource, int seed = 42)
    {
        var titleWords = vocabularySource.SelectMany(p => Words(p.Title)).ToArray();
        var abstractWords = vocabularySource.SelectMany(p => Words(p.Abstract)).ToArray();
        if (titleWords.Length == 0 || abstractWords.Length == 0) throw new ArgumentException("the sample corpus has no words to draw synthetic papers from", nameof(vocabularySource));
        var random = new Random(seed);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var json = new Utf8JsonWriter(stream);
        var newline = "\n"u8.ToArray();
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var title = Capitalize(Draw(random, titleWords, random.Next(6, 13), text));
            var @abstract = Draw(random, abstractWords, random.Next(120, 221), text) + ".";
            var day = 1 + i % 28;
            var month = 1 + i / 28 % 12;
            json.WriteStartObject();
            json.WriteString("id", $"syn.{i:D6}");
            json.WriteString("title", title);
            json.WriteString("abstract", @abstract);
            json.WriteString("published", $"2025-{month:D2}-{day:D2}");
            json.WriteEndObject();
            json.Flush();
            stream.Write(newline);
            json.Reset();
        }
    }

    private static string Draw(Random random, string[] words, int count, StringBuilder text)
    {
        text.Clear();
        for (var k = 0; k < count; k++)
        {
            if (k > 0) text.Append(' ');
            text.Append(words[random.Next(words.Length)]);
        }
        return text.ToString();
    }

    /// <summary>Python's <c>str.capitalize</c>: first letter upper case, the rest lower case.</summary>
    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();

    private static IEnumerable<string> Words(string text) => Word().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9\-]+")]
    private static partial Regex Word();
}
