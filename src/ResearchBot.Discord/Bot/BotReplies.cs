namespace ResearchBot.Discord.Bot;

/// <summary>The bot's fixed, polite replies.</summary>
public static class BotReplies
{
    public const string EmptyQuestion = "Ask me anything about the papers — for example: *what's new in retrieval-augmented generation?*";
    public const string Failed = "Sorry — something went wrong. Please try again in a moment.";

    public const string BudgetSpent = "This server has used today's question budget — I'll be glad to answer again tomorrow (UTC). A member with Manage Server can raise it with /settings.";

    public static string TooLong(int max) => $"That question is a bit long for me — please keep it under {max} characters.";
}
