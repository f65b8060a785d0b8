namespace ResearchBot.Discord.Bot.Feedback;

/// <summary>
/// The server an answer or search is being made for, flowing with the async call (an <see cref="AsyncLocal{T}"/>), so
/// <see cref="FeedbackRankedPaperSearch"/> applies that server's feedback without the answer pipeline knowing about servers.
/// </summary>
public static class FeedbackScope
{
    private static readonly AsyncLocal<string?> Guild = new();

    /// <summary>The server of the current answer, or null (a DM, or no bot answer in progress).</summary>
    public static string? Current => Guild.Value;

    /// <summary>Sets the server until the returned scope is disposed.</summary>
    public static IDisposable Enter(string? guildId)
    {
        var previous = Guild.Value;
        Guild.Value = guildId;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Guild.Value = previous;
    }
}
