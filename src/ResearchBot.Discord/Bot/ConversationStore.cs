using Microsoft.Extensions.Options;
using ResearchBot.Answering;

namespace ResearchBot.Discord.Bot;

/// <summary>One conversation per thread (or DM channel): the turns so far, newest kept, in memory.</summary>
public sealed class ConversationStore(IOptions<DiscordOptions> options)
{
    private const int MaxConversations = 1000;
    private readonly Dictionary<string, List<ChatTurn>> _byChannel = [];
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True when <paramref name="channelId"/> is a conversation the bot is part of.</summary>
    public bool Has(string channelId)
    {
        lock (_lock) return _byChannel.ContainsKey(channelId);
    }

    /// <summary>The turns so far, oldest first (empty when none).</summary>
    public IReadOnlyList<ChatTurn> History(string channelId)
    {
        lock (_lock) return _byChannel.TryGetValue(channelId, out var turns) ? turns.ToArray() : [];
    }

    /// <summary>Adds a question and its answer (with the sources its [n] point at), starting the conversation when new.</summary>
    public void Append(string channelId, string question, string answer, IReadOnlyList<AnswerSource>? sources = null)
    {
        lock (_lock)
        {
            if (!_byChannel.TryGetValue(channelId, out var turns))
            {
                _byChannel[channelId] = turns = [];
                _order.Enqueue(channelId);
                if (_order.Count > MaxConversations) _byChannel.Remove(_order.Dequeue());
            }
            turns.Add(new ChatTurn("user", question));
            turns.Add(new ChatTurn("assistant", answer, sources));
            var max = Math.Max(2, options.Value.MaxHistoryTurns);
            if (turns.Count > max) turns.RemoveRange(0, turns.Count - max);
        }
    }
}
