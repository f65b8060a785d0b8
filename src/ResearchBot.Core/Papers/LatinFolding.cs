namespace ResearchBot.Papers;

/// <summary>
/// Folds accented Latin letters to their base letter (é → e, ß → s). String normalization is a no-op under
/// invariant globalization (our setting), so the Latin-1 Supplement and Latin Extended-A come from a table.
/// </summary>
public static class LatinFolding
{
    /// <summary>The base letter of U+00C0..U+017F ('.' when none).</summary>
    private const string LatinBase =
        "aaaaaa.ceeeeiiiidnooooo.ouuuuy.saaaaaa.ceeeeiiiidnooooo.ouuuuy.yaaaaaaccccccccddddeeeeeeeeeegggg" +
        "gggghhhhiiiiiiiiii..jjkk.llllllllllnnnnnn.nnoooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

    /// <summary>The lowercase ASCII base letter of <paramref name="c"/>, or '\0' when it has none.</summary>
    public static char Fold(char c)
    {
        if (c is >= '\u00c0' and <= '\u017f') return LatinBase[c - '\u00c0'] is var b && b != '.' ? b : '\0';
        var d = c.ToString().Normalize(System.Text.NormalizationForm.FormD);
        return d.Length > 0 && char.IsAsciiLetter(d[0]) ? char.ToLowerInvariant(d[0]) : '\0';
    }
}
