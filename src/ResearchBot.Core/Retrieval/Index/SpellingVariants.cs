namespace ResearchBot.Retrieval.Index;

/// <summary>
/// British and American spellings of one word, on stems: "-is-" and "-iz-" ("quantis" / "quantiz", "optimis" / "optimiz",
/// "analys" / "analyz") and a final "-our" and "-or" ("colour" / "color", "behaviour" / "behavior"). A variant is the same word,
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
        if (stem.EndsWith("our", StringComparison.Ordinal) && stem.Length > 4) yield return string.Concat(stem.AsSpan(0, stem.Length - 2), "r");
        else if (stem.EndsWith("or", StringComparison.Ordinal) && stem.Length > 3) yield return string.Concat(stem.AsSpan(0, stem.Length - 1), "ur");
    }
}
