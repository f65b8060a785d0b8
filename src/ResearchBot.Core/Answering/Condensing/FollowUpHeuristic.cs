using System.Text.RegularExpressions;
using ResearchBot.Text.Analysis;

namespace ResearchBot.Answering.Condensing;

/// <summary>
/// Offline follow-up condensation: a follow-up that leans on the previous question ("what about its memory cost?",
/// "how does it compare to H2O?", "and for vision models?") gets that question's subject carried into it.
/// Deterministic; a standalone question is returned unchanged.
/// </summary>
public static partial class FollowUpHeuristic
{
    /// <summary>The standalone form of <paramref name="question"/> given the earlier user questions (oldest first).</summary>
    public static string Condense(string question, IEnumerable<string> previousQuestions)
    {
        string? subject = null;
        foreach (var previous in previousQuestions)
        {
            // A question that names papers by quoted title (a resolved reference: "compare "A" and "B"") is standalone already.
            var standalone = subject is null || QuotedTitle().IsMatch(previous) ? previous.Trim() : CondenseOne(previous, subject);
            subject = Subject(standalone);
        }
        return subject is null ? question.Trim() : CondenseOne(question, subject);
    }

    /// <summary>True when <paramref name="question"/> reads as a follow-up (pronoun reference or "what about …").</summary>
    public static bool IsFollowUp(string question) =>
        Possessive().IsMatch(question) || LeadIn().IsMatch(question.Trim()) || LeansOnPronoun(question);

    // "it"/"they" point back only in short questions; "is it possible to …" is a dummy subject.
    private static bool LeansOnPronoun(string question) =>
        ObjectPronoun().IsMatch(question) && !DummyIt().IsMatch(question) && TextAnalyzer.Default.ContentTerms(question).Count <= 4;

    private static string CondenseOne(string question, string subject)
    {
        var q = question.Trim();
        if (!IsFollowUp(q)) return q;
        var end = q.EndsWith('?') ? "?" : "";
        var body = q.TrimEnd('?', '.', '!', ' ');
        if (Possessive().Match(body) is { Success: true } m)
            return (OfPossessive(body, m.Index, m.Length, subject) + end).Trim();
        if (LeansOnPronoun(body))
            return ObjectPronoun().Replace(body, subject, 1) + end;
        var rest = LeadIn().Replace(body, "").Trim();
        return rest.Length == 0 ? subject + end : $"{rest} in {subject}{end}";
    }

    /// <summary>
    /// <paramref name="text"/> with the possessive at <paramref name="start"/> ("its", "their") turned into "the … of
    /// <paramref name="subject"/>": "what about its memory cost?" → "what about the memory cost of MiniCache?".
    /// </summary>
    public static string OfPossessive(string text, int start, int length, string subject)
    {
        var after = text[(start + length)..];
        var phrase = after.TrimEnd('?', '.', '!', ' ');
        var phraseEnd = PhraseEnd().Match(phrase);
        var cut = phraseEnd.Success ? phraseEnd.Index : phrase.Length;
        return after[..cut].Trim().Length == 0
            ? text[..start] + subject + after
            : $"{text[..start]}the{after[..cut]} of {subject}{after[cut..]}";
    }

    /// <summary>
    /// The subject of a question: the papers it names by quoted title ("what about the memory cost of "A" and "B"?" is
    /// about "A" and "B"), else its text without the leading question words and trailing punctuation.
    /// </summary>
    internal static string Subject(string question)
    {
        var titles = QuotedTitle().Matches(question).Select(m => m.Value).Distinct().ToList();
        if (titles.Count > 0) return titles.Count == 1 ? titles[0] : string.Join(", ", titles.Take(titles.Count - 1)) + " and " + titles[^1];
        var s = question.Trim().TrimEnd('?', '.', '!', ' ');
        for (var i = 0; i < 3; i++)
        {
            var stripped = QuestionLead().Replace(s, "").Trim();
            if (stripped == s || stripped.Length == 0) break;
            s = stripped;
        }
        return s;
    }

    [GeneratedRegex(@"""[^""]{3,}""")]
    private static partial Regex QuotedTitle();

    [GeneratedRegex(@"\b(?:its|their|this (?:paper|method|model|approach|work)'s)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Possessive();

    [GeneratedRegex(@"\b(?:it|they|them|this (?:paper|method|model|approach|work|one)|that (?:paper|method|model|approach|work|one)|these (?:papers|methods|models)|those (?:papers|methods|models)|the same)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ObjectPronoun();

    [GeneratedRegex(@"\b(?:is|was|isn't|wasn't)\s+it\s+(?:possible|true|feasible|worth|better|hard|easy|common|known|necessary|enough)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DummyIt();

    [GeneratedRegex(@"^(?:(?:and|but|so|ok|okay)\s*,?\s*)?(?:what|how)\s+about\b|^(?:and|also)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"\s+(?:compared|compare|versus|vs\.?|against|relative|for|in|on|with|when|if|than)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PhraseEnd();

    [GeneratedRegex(@"^(?:which|what|who|where|when|how|why|is|are|does|do|did|can|could|should|would|tell me(?: more)?|show me|compare|contrast|summari[sz]e|explain|describe|find|list|give me|any|there|papers?|works?|studies|research|(?:that|which|who)\s+(?:study|studies|propose|proposes|are|is|about|on|discuss|discusses|use|uses)|study|studies|discuss|discusses|propose|proposes|investigate|investigates|explore|explores|about|on|me|a|an|the|some)\b[\s,]*", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionLead();
}
