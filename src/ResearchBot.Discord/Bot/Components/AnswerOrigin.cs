namespace ResearchBot.Discord.Bot.Components;

/// <summary>Where an answer is posted and the key its buttons carry (the question's message id or the /ask interaction id).</summary>
public sealed record AnswerOrigin(string Key, string? GuildId, string ChannelId);
