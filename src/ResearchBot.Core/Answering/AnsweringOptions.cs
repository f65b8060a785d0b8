namespace ResearchBot.Answering;

/// <summary>The <c>Answering</c> configuration section.</summary>
public sealed class AnsweringOptions
{
    public const string Section = "Answering";

    /// <summary>How many sentences an offline answer quotes.</summary>
    public int OfflineSentences { get; set; } = 5;

    /// <summary>From how many of the top sources an offline answer quotes.</summary>
    public int OfflineSourcePapers { get; set; } = 5;

    /// <summary>How many sources a model answer gets at most (the request's Top is capped by this).</summary>
    public int MaxSources { get; set; } = 10;
}
