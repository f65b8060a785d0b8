namespace ResearchBot.Retrieval.Index;

/// <summary>
/// Which question words may be typo-corrected: plain lowercase words only. A capitalised word inside a sentence, a word
/// with capitals inside it or with digits is a name or an identifier ("AlphaFold", "GPT4", "YOLO"): a word the store does
/// not know is then a concept it does not hold, not a misspelling of one it does.
/// </summary>
internal static class TypoPolicy
{
    /// <summary>The question's words as written (letters and digits), with a capitalised first word of a sentence lowercased.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var sentenceStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (c is '.' or '?' or '!' or ':' or ';' or '\n') sentenceStart = true;
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            var word = text[start..i];
            if (sentenceStart && IsCapitalised(word)) word = word.ToLowerInvariant();
            words.Add(word);
            sentenceStart = false;
        }
        return words;
    }

    /// <summary>True for a word written in lowercase letters only (after <see cref="Words"/>): the only kind a typo corrector may touch.</summary>
    public static bool MayCorrect(string word)
    {
        foreach (var c in word)
            if (char.IsDigit(c) || char.IsUpper(c)) return false;
        return true;
    }

    /// <summary>"Zero" but not "ZeRO", "GPT" or "Zero3".</summary>
    private static bool IsCapitalised(string word)
    {
        if (!char.IsUpper(word[0])) return false;
        for (var k = 1; k < word.Length; k++)
            if (!char.IsLower(word[k])) return false;
        return true;
    }
}
