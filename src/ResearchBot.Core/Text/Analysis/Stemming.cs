namespace ResearchBot.Text.Analysis;

/// <summary>How deeply <see cref="TextAnalyzer"/> stems content words.</summary>
public enum Stemming
{
    /// <summary>Porter stems, as the index has them: matching a question against papers (search, answers, interests).</summary>
    Porter,

    /// <summary><see cref="LightStemmer"/>: digest phrase keys, where a stem must not merge words that name different things.</summary>
    Light,
}
