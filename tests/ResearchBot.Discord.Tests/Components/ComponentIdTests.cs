using ResearchBot.Discord.Bot.Components;
using ResearchBot.Discord.Rest.Models;

namespace ResearchBot.Discord.Tests.Components;

/// <summary>Button custom_ids: what the bot makes it reads back; anything else is unknown; Discord's length limits hold.</summary>
public class ComponentIdTests
{
    [Theory]
    [InlineData("rb1:src:1234567890123456789", "src", "1234567890123456789", 0)]
    [InlineData("rb1:more:m1", "more", "m1", 0)]
    [InlineData("rb1:bib:m1", "bib", "m1", 0)]
    [InlineData("rb1:pg:1234567890123456789:4", "pg", "1234567890123456789", 4)]
    public void Ids_the_bot_makes_parse_back(string customId, string action, string key, int page)
    {
        var id = ComponentId.Parse(customId);

        Assert.Equal(new ComponentId(action, key, page), id);
        Assert.Equal(customId, id!.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("rb1:src:")]
    [InlineData("rb1:pg:123")]
    [InlineData("rb1:pg:123:-1")]
    [InlineData("rb1:delete:123")]
    [InlineData("rb0:src:123")]
    [InlineData("rb1:src:1:2")]
    public void Anything_else_is_unknown(string? customId) => Assert.Null(ComponentId.Parse(customId));

    [Fact]
    public void Components_refuse_what_discord_would_reject()
    {
        Assert.Throws<ArgumentException>(() => new Button("x", new string('a', 101)));
        Assert.Throws<ArgumentException>(() => new ActionRow(Enumerable.Range(0, 6).Select(i => new Button("x", $"b{i}")).ToList()));
        Assert.Throws<ArgumentException>(() => ActionRow.Rows(Enumerable.Range(0, 6).Select(i => (IReadOnlyList<Button>)[new Button("x", $"b{i}")]).ToArray()));
        Assert.Equal(80, new Button(new string('l', 200), "id").Label.Length);
        Assert.Equal(100, new AutocompleteChoice(new string('n', 300), "v").Name.Length);
    }
}
