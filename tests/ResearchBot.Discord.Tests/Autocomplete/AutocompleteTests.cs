using ResearchBot.Discord.Tests.Support;
using ResearchBot.Papers;

namespace ResearchBot.Discord.Tests.Autocomplete;

/// <summary>Autocomplete for /paper titles and /digest days, answered through the emulator (interaction type 4 → response type 8).</summary>
public class AutocompleteTests
{
    [Fact]
    public async Task Paper_suggests_matching_titles_with_the_paper_id_as_value()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Library.More.Add(new Paper { Id = "2402.00009", Title = "Sparse attention for long documents", Listings = [new Listing(new DateOnly(2026, 11, 21), "hf-daily")] });
        await bot.ReadyAsync();

        await bot.Emulator.AutocompleteAsync("a1", "paper", "id", "spar");
        var callback = await bot.Rest.Callbacks.WaitForAsync(c => c.InteractionId == "a1");

        Assert.Equal(8, callback.Type);
        Assert.Equal([("Sparse attention for long documents (2026-11-21)", "2402.00009"), ("Sparse mixtures (2026-11-20)", "2401.00002")], callback.Choices);

        await bot.Emulator.AutocompleteAsync("a2", "paper", "id", "gen retr");
        Assert.Equal([("Retrieval augmented generation at scale (2026-11-20)", "2401.00001")], (await bot.Rest.Callbacks.WaitForAsync(c => c.InteractionId == "a2")).Choices);
    }

    [Fact]
    public async Task Digest_suggests_the_days_in_the_store_newest_first()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Library.More.Add(new Paper { Id = "2402.00009", Title = "Later", Listings = [new Listing(new DateOnly(2026, 11, 23), "hf-daily")] });
        bot.Library.More.Add(new Paper { Id = "2402.00010", Title = "Earlier", Listings = [new Listing(new DateOnly(2026, 10, 2), "hf-daily")] });
        await bot.ReadyAsync();

        await bot.Emulator.AutocompleteAsync("a3", "digest", "date", "");
        await bot.Emulator.AutocompleteAsync("a4", "digest", "date", "2026-11");

        Assert.Equal([("2026-11-23 · Monday", "2026-11-23"), ("2026-11-20 · Friday", "2026-11-20"), ("2026-10-02 · Friday", "2026-10-02")],
            (await bot.Rest.Callbacks.WaitForAsync(c => c.InteractionId == "a3")).Choices);
        Assert.Equal(["2026-11-23", "2026-11-20"], (await bot.Rest.Callbacks.WaitForAsync(c => c.InteractionId == "a4")).Choices.Select(c => c.Value));
    }

    [Fact]
    public async Task At_most_25_choices_each_within_100_characters()
    {
        await using var bot = await BotHarness.StartAsync();
        for (var i = 0; i < 40; i++)
            bot.Library.More.Add(new Paper { Id = $"2403.{i:00000}", Title = $"Graph learning {i} " + new string('x', 150), Listings = [new Listing(new DateOnly(2026, 11, 20), "hf-daily")] });
        await bot.ReadyAsync();

        await bot.Emulator.AutocompleteAsync("a5", "paper", "id", "graph");
        var choices = (await bot.Rest.Callbacks.WaitForAsync(c => c.InteractionId == "a5")).Choices;

        Assert.Equal(25, choices.Count);
        Assert.All(choices, c => { Assert.True(c.Name.Length <= 100); Assert.True(c.Value.Length <= 100); });
    }

    [Fact]
    public async Task A_slow_store_gets_an_empty_answer_within_the_budget_and_the_next_keystroke_its_titles()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        bot.Library.ListingGate = new TaskCompletionSource();

        await bot.Emulator.AutocompleteAsync("a6", "paper", "id", "spar");
        await bot.Clock.FireAsync(ResearchBot.Discord.Bot.Autocomplete.AutocompleteHandler.Budget);
        var late = await bot.Rest.Callbacks.WaitForAsync(c => c.InteractionId == "a6");
        bot.Library.ListingGate.SetResult();
        await bot.Emulator.AutocompleteAsync("a7", "paper", "id", "spar");

        Assert.Equal(8, late.Type);
        Assert.Empty(late.Choices);
        Assert.Equal(["2401.00002"], (await bot.Rest.Callbacks.WaitForAsync(c => c.InteractionId == "a7")).Choices.Select(c => c.Value));
    }
}
