namespace ResearchBot.Retrieval.Index;

/// <summary>
/// British and American spellings of one word, on stems: "-is-" and "-iz-" ("quantis" / "quantiz", "optimis" / "optimiz",
/// "analys" / "analyz") and "-our" and "-or" ("colour" / "color", "behaviour" / "behavior"). A variant is the same word,
/// so a paper that spells it the other way covers the question's word fully (a typo correction counts only half).
/// </summary>
internal static class SpellingVariants
{
    /// <summary>The other spellings of <paramref name="stem"/> (possibly words no paper holds; the caller checks).</summary>
    public static IEnumerable<string> Of(string stem)
    {
        for (var i = 1; i < stem.Length; i++)
        {
            if (stem[i - 1] is not ('i' or 'y')) continue;
            if (stem[i] == 's') yield return string.Concat(stem.AsSpan(0, i), "z", stem.AsSpan(i + 1));
            else if (stem[i] == 'z') yield return string.Concat(stem.AsSpan(0, i), "s", stem.AsSpan(i + 1));
        }
        for (var i = stem.IndexOf("our", StringComparison.Ordinal); i > 0; i = stem.IndexOf("our", i + 1, StringComparison.Ordinal))
            yield return string.Concat(stem.AsSpan(0, i + 1), stem.AsSpan(i + 2));
        for (var i = stem.IndexOf("or", StringComparison.Ordinal); i > 0; i = stem.IndexOf("or", i + 1, StringComparison.Ordinal))
            if (stem[i - 1] != 'u') yield return string.Concat(stem.AsSpan(0, i + 1), "u", stem.AsSpan(i + 1));
    }
}
