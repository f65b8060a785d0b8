using ResearchBot.Discord.Rest.Models;

namespace ResearchBot.Discord.Bot;

/// <summary>Where an answer goes: a primary message shown and edited in place, and further messages after it.</summary>
public interface IReplyTarget
{
    /// <summary>Creates the primary message the first time, edits it afterwards.</summary>
    Task ShowAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Sends one more message after the primary one.</summary>
    Task AppendAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>The ids of the messages sent so far, primary first (those Discord reported).</summary>
    IReadOnlyList<string> MessageIds => [];
}
