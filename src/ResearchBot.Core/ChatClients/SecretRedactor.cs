namespace ResearchBot.ChatClients;

/// <summary>
/// Removes the configured API key from text that may be shown or logged (providers sometimes echo the key in an
/// error): the key itself and any word that shares ten or more consecutive characters with it (a partly masked echo).
/// </summary>
public sealed class SecretRedactor(string? secret)
{
    /// <summary>What replaces a redacted key.</summary>
    public const string Mask = "[redacted]";

    private const int MinimumShared = 10;

    /// <summary>The text without the key.</summary>
    public string Redact(string text)
    {
        if (string.IsNullOrWhiteSpace(secret) || text.Length == 0) return text;
        text = text.Replace(secret, Mask, StringComparison.Ordinal);
        if (secret.Length < MinimumShared) return text;
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i++)
            if (SharesPartOfSecret(words[i])) words[i] = Mask;
        return string.Join(' ', words);
    }

    /// <summary>True when <paramref name="text"/> contains the key or a part of it.</summary>
    public bool Leaks(string text) => !string.Equals(Redact(text), text, StringComparison.Ordinal);

    private bool SharesPartOfSecret(string word)
    {
        if (word.Length < MinimumShared) return false;
        for (var start = 0; start + MinimumShared <= secret!.Length; start++)
            if (word.Contains(secret.AsSpan(start, MinimumShared), StringComparison.Ordinal)) return true;
        return false;
    }
}
