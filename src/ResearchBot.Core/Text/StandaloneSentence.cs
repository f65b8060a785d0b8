using System.Text.RegularExpressions;

namespace ResearchBot.Text;

/// <summary>
/// Makes a quoted abstract sentence read on its own: drops an opening that points back at sentences left out
/// ("To address this, ", "Therefore, ", "In this paper, ", "For instance, ", "(3) ", "And "), and capitalises what is left. The rest is kept
/// word for word. Shared by the offline answers and the digest's one-liners.
/// </summary>
public static partial class StandaloneSentence
{
    /// <summary>The sentence without its dangling opening.</summary>
    public static string Of(string sentence)
    {
        var m = Opening().Match(sentence);
        if (!m.Success || m.Length >= sentence.Length - 20) return sentence;
        var rest = sentence[m.Length..];
        return char.ToUpperInvariant(rest[0]) + rest[1..];
    }

    [GeneratedRegex(@"^(?:To (?:address|overcome|tackle|solve|mitigate|bridge|fill|close|alleviate|remedy|resolve|achieve)(?: [\w()/-]+){0,8}|To (?:this|that) end|To do so|Therefore|Thus|Hence|Consequently|Accordingly|Furthermore|Moreover|Additionally|In addition|Finally|Instead|Specifically|In particular|(?:Motivated|Inspired) by(?: [\w-]+){1,5}|(?:Based|Building) on(?: [\w-]+){1,5}|For (?:instance|example)|In this (?:paper|work|study|report)|Here),\s+|^(?:In this (?:paper|work|study|report)|Here)\s+(?=we\b)|^\((?:\d{1,2}|[ivx]{1,4}|[a-h])\)\s+|^(?:And|But|So|Also),?\s+(?=\w)", RegexOptions.IgnoreCase)]
    private static partial Regex Opening();
}
