using System.Text.Json;
using ResearchBot.Discord.Bot;
using ResearchBot.TestSupport.Discord;

namespace ResearchBot.Discord.Tests;

public class IncomingEventTests
{
    [Theory]
    [InlineData("<@1000> what is RAG?", "what is RAG?")]
    [InlineData("<@!1000>   what   is RAG?  ", "what is RAG?")]
    [InlineData("so <@1000>, what is RAG? cc <@2000>", "so , what is RAG? cc <@2000>")]
    [InlineData("<@1000>", "")]
    public void The_question_is_the_message_without_the_bot_mention(string content, string question)
    {
        Assert.Equal(question, QuestionText.From(content, "1000"));
    }

    [Fact]
    public void A_message_event_parses_author_mentions_and_dm_ness()
    {
        var json = JsonSerializer.SerializeToElement(DiscordEvents.Message("m1", "hi", channelId: "7", guildId: null, authorId: "9", mentions: ["1000"], authorIsBot: true));

        var message = IncomingMessage.Parse(json);

        Assert.Equal(new IncomingMessage("m1", "7", null, "9", true, "hi", message.MentionIds), message);
        Assert.True(message.IsDirect);
        Assert.Equal(["1000"], message.MentionIds);
    }

    [Fact]
    public void An_interaction_parses_options_of_any_type_and_the_user_in_a_dm()
    {
        var json = JsonDocument.Parse("""
            {"id":"1","token":"t","type":2,"application_id":"2","channel_id":"3","user":{"id":"4"},
             "data":{"name":"digest","options":[{"name":"date","type":3,"value":"2026-11-20"},{"name":"top","type":4,"value":5}]}}
            """).RootElement;

        var interaction = IncomingInteraction.Parse(json);

        Assert.True(interaction.IsCommand);
        Assert.Equal(("digest", "4", "2026-11-20", "5"), (interaction.CommandName, interaction.UserId, interaction.Option("date"), interaction.Option("top")));
        Assert.Null(interaction.Option("missing"));
    }
}
