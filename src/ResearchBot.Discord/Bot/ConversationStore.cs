using Microsoft.Extensions.Options;
using ResearchBot.Answering;
using ResearchBot.Answering.References;

namespace ResearchBot.Discord.Bot;

/// <summary>
/// One conversation per thread (or DM channel): the turns so far, newest kept, and the last numbered list shown there
/// (an answer's sources or a /search), so "[2]" and <c>/paper 2</c> mean what is on screen. In memory.
/// </summary>
public sealed class ConversationStore(IOptions<DiscordOptions> options)
{
    private const int MaxConversations = 1000;
    private readonly Dictionary<string, List<ChatTurn>> _byChannel = [];
    private readonly Queue<string> _order = new();
    private readonly Dictionary<string, ShownList> _shown = [];
    private readonly Queue<string> _shownOrder = new();
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

    /// <summary>The last numbered list shown in <paramref name="channelId"/>, or null.</summary>
    public ShownList? Shown(string channelId)
    {
        lock (_lock) return _shown.GetValueOrDefault(channelId);
    }

    /// <summary>Remembers the numbered list just shown in <paramref name="channelId"/> (null keeps the previous one). Does not start a conversation.</summary>
    public void SetShown(string channelId, ShownList? list)
    {
        if (list is null) return;
        lock (_lock)
        {
            if (!_shown.ContainsKey(channelId))
            {
                _shownOrder.Enqueue(channelId);
                if (_shownOrder.Count > MaxConversations) _shown.Remove(_shownOrder.Dequeue());
            }
            _shown[channelId] = list;
        }
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
