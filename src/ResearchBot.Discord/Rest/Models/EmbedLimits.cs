namespace ResearchBot.Discord.Rest.Models;

/// <summary>Discord's message and embed size limits.</summary>
public static class EmbedLimits
{
    public const int MessageContent = 2000;
    public const int Title = 256;
    public const int Description = 4096;
    public const int Footer = 2048;
    public const int TotalText = 6000;
}
