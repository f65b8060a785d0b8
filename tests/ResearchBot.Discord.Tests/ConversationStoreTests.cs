using Microsoft.Extensions.Options;
using ResearchBot.Answering.References;
using ResearchBot.BotState;
using ResearchBot.Discord.Bot;

namespace ResearchBot.Discord.Tests;

/// <summary><see cref="ConversationStore"/>: what it saves, and that a turn is never saved without its numbered list.</summary>
public sealed class ConversationStoreTests
{
    /// <summary>Keeps every state saved, in order, like a store another process reads at any moment.</summary>
    private sealed class RecordingRepository : IConversationRepository
    {
        public List<ConversationState> Saved { get; } = [];

        public Task<ConversationState?> GetAsync(string channelId, CancellationToken cancellationToken = default) =>
            Task.FromResult(Saved.LastOrDefault(s => s.ChannelId == channelId));

        public Task SaveAsync(ConversationState conversation, CancellationToken cancellationToken = default)
        {
            Saved.Add(conversation);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public void A_turn_and_the_list_it_shows_are_saved_in_one_update()
    {
        var repository = new RecordingRepository();
        var store = new ConversationStore(repository, Options.Create(new DiscordOptions()), TimeProvider.System);
        var first = ShownList.OfSearch(["a", "b", "c"]);
        var second = ShownList.OfSearch(["d"]);

        store.Append("t1", "q1", "answer one [1]", shown: _ => first);
        store.Append("t1", "q2", "answer two", shown: previous => previous == first ? second : null);
        store.Append("t1", "q3", "answer three");

        Assert.Equal(3, repository.Saved.Count);
        Assert.All(repository.Saved, s => Assert.True(s.Started));
        Assert.Equal([first, second, second], repository.Saved.Select(s => s.Shown));
        Assert.Equal(6, repository.Saved[^1].Turns.Count);
        Assert.Equal(second, store.Shown("t1"));
    }
}
