namespace ResearchBot.Discord.Bot;

/// <summary>Who the bot is on Discord, known from READY.</summary>
public sealed class BotIdentity
{
    public string UserId { get; private set; } = "";
    public string ApplicationId { get; private set; } = "";

    internal void Set(string userId, string applicationId)
    {
        UserId = userId;
        ApplicationId = applicationId;
    }
}
