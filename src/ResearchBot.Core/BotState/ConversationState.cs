using ResearchBot.Answering;
using ResearchBot.Answering.References;

namespace ResearchBot.BotState;

/// <summary>
/// What the bot remembers of one thread or DM channel: whether it is a conversation the bot takes part in, its last turns
/// (answers with the numbered sources their [n] point at), and the last numbered list shown there.
/// </summary>
/// <param name="ChannelId">The thread or DM channel.</param>
/// <param name="Started">True when the bot answers every message there (a thread it started, a DM); a channel where only a list was shown is not.</param>
/// <param name="Turns">The turns kept, oldest first.</param>
/// <param name="Shown">The last numbered list shown there, or null.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record ConversationState(string ChannelId, bool Started, IReadOnlyList<ChatTurn> Turns, ShownList? Shown, DateTimeOffset UpdatedAt);
