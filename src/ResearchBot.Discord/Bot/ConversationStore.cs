using Microsoft.Extensions.Options;
using ResearchBot.Answering;
using ResearchBot.Answering.References;
using ResearchBot.BotState;

namespace ResearchBot.Discord.Bot;

/// <summary>
/// One conversation per thread (or DM channel): the turns so far, newest kept, and the last numbered list shown there
/// (an answer's sources or a /search), so "[2]" and <c>/paper 2</c> mean what is on screen. Kept in the store through
/// <see cref="IConversationRepository"/>, so a restarted bot continues where it was; recently used channels (including
/// those that are no conversation) are cached in memory, so a message in an unrelated channel costs no store read.
/// </summary>
public sealed class ConversationStore(IConversationRepository repository, IOptions<DiscordOptions> options, TimeProvider time)
{
    private const int MaxCached = 1000;
    private readonly Dictionary<string, ConversationState?> _cache = [];
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True when <paramref name="channelId"/> is a conversation the bot is part of.</summary>
    public bool Has(string channelId) => Get(channelId)?.Started == true;

    /// <summary>The turns so far, oldest first (empty when none).</summary>
    public IReadOnlyList<ChatTurn> History(string channelId) => Get(channelId)?.Turns ?? [];

    /// <summary>The last numbered list shown in <paramref name="channelId"/>, or null.</summary>
    public ShownList? Shown(string channelId) => Get(channelId)?.Shown;

    /// <summary>Remembers the numbered list just shown in <paramref name="channelId"/> (null keeps the previous one). Does not start a conversation.</summary>
    public void SetShown(string channelId, ShownList? list)
    {
        if (list is null) return;
        Update(channelId, current => (current ?? Empty(channelId)) with { Shown = list });
    }

    /// <summary>
    /// Adds a question and its answer (with the sources its [n] point at), starting the conversation when new, and the
    /// numbered list <paramref name="shown"/> computes from the previous one: one update, so a follow-up never sees the
    /// turn without its list.
    /// </summary>
    public void Append(string channelId, string question, string answer, IReadOnlyList<AnswerSource>? sources = null, Func<ShownList?, ShownList?>? shown = null)
    {
        var max = Math.Max(2, options.Value.MaxHistoryTurns);
        Update(channelId, current =>
        {
            var turns = (current?.Turns ?? []).Append(new ChatTurn("user", question)).Append(new ChatTurn("assistant", answer, sources)).ToList();
            if (turns.Count > max) turns.RemoveRange(0, turns.Count - max);
            var list = shown?.Invoke(current?.Shown) ?? current?.Shown;
            return (current ?? Empty(channelId)) with { Started = true, Turns = turns, Shown = list };
        });
    }

    private ConversationState Empty(string channelId) => new(channelId, false, [], null, time.GetUtcNow());

    private void Update(string channelId, Func<ConversationState?, ConversationState> change)
    {
        ConversationState updated;
        lock (_lock)
        {
            updated = change(Get(channelId)) with { UpdatedAt = time.GetUtcNow() };
            Cache(channelId, updated);
        }
        repository.SaveAsync(updated).GetAwaiter().GetResult();
    }

    private ConversationState? Get(string channelId)
    {
        lock (_lock)
        {
            if (_cache.TryGetValue(channelId, out var cached)) return cached;
            var stored = repository.GetAsync(channelId).GetAwaiter().GetResult();
            Cache(channelId, stored);
            return stored;
        }
    }

    private void Cache(string channelId, ConversationState? state)
    {
        if (!_cache.ContainsKey(channelId))
        {
            _order.Enqueue(channelId);
            if (_order.Count > MaxCached) _cache.Remove(_order.Dequeue());
        }
        _cache[channelId] = state;
    }
}
