using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchBot.Answering;
using ResearchBot.Answering.References;
using ResearchBot.Discord.Guilds;
using ResearchBot.Discord.Bot.Components;
using ResearchBot.Discord.Rest;

namespace ResearchBot.Discord.Bot;

/// <summary>
/// Answers mentions in channels, DMs and follow-ups in its threads: typing indicator, the answer as a reply, and a thread
/// started on a channel question so the conversation continues there.
/// </summary>
public sealed class MessageHandler(
    DiscordRestClient rest,
    AnswerStreamer streamer,
    ConversationStore conversations,
    AnswerThrottle throttle,
    TokenBudget budget,
    BotIdentity bot,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<MessageHandler> log)
{
    /// <summary>True when the message is for the bot: a DM, a mention, or a message in one of its conversations.</summary>
    public bool IsForBot(IncomingMessage message) =>
        !message.AuthorIsBot && message.AuthorId != bot.UserId
        && (message.IsDirect || message.MentionIds.Contains(bot.UserId) || conversations.Has(message.ChannelId));

    public async Task HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var reply = new ChannelReply(rest, message.ChannelId, message.Id);
        var question = QuestionText.From(message.Content, bot.UserId);
        var max = options.Value.MaxQuestionLength;
        if (question.Length == 0) { await reply.NoticeAsync(BotReplies.EmptyQuestion, cancellationToken); return; }
        if (question.Length > max) { await reply.NoticeAsync(BotReplies.TooLong(max), cancellationToken); return; }
        var decision = throttle.TryEnter(message.AuthorId, message.ChannelId);
        if (decision.Refusal is { } refusal) { await reply.NoticeAsync(refusal, cancellationToken); return; }

        using var lease = decision.Lease;
        if (!await budget.HasRoomAsync(message.GuildId, cancellationToken)) { await reply.NoticeAsync(BotReplies.BudgetSpent, cancellationToken); return; }
        var inConversation = message.IsDirect || conversations.Has(message.ChannelId);
        Answer? answer;
        await using (await TypingIndicator.StartAsync(rest, message.ChannelId, time, log))
            answer = await streamer.StreamAsync(
                new AskRequest(question, conversations.History(message.ChannelId), Shown: conversations.Shown(message.ChannelId)), reply, cancellationToken,
                done =>
                {
                    if (!inConversation) return;
                    conversations.Append(message.ChannelId, done.StandaloneQuestion, done.Text, done.Sources, previous => ShownList.After(previous, done));
                }, new AnswerOrigin(message.Id, message.GuildId, message.ChannelId), message.IsDirect ? "dm" : inConversation ? "thread" : "mention");
        await budget.RecordAsync(message.GuildId, answer, cancellationToken);
        if (answer is not null && !inConversation) await StartThreadAsync(message, question, answer, cancellationToken);
    }

    /// <summary>Starts the thread where follow-ups continue; without the permission the answer still stands.</summary>
    private async Task StartThreadAsync(IncomingMessage message, string question, Answer answer, CancellationToken cancellationToken)
    {
        try
        {
            var threadId = await rest.StartThreadAsync(message.ChannelId, message.Id, question, cancellationToken);
            conversations.Append(threadId, answer.StandaloneQuestion, answer.Text, answer.Sources, _ => ShownList.After(null, answer));
        }
        catch (DiscordApiException ex)
        {
            log.LogWarning("Could not start a thread for follow-ups: {Error}", ex.Message);
        }
    }
}
