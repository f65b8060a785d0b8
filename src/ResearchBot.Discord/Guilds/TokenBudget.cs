using ResearchBot.Answering;
using ResearchBot.BotState;
using ResearchBot.Telemetry;

namespace ResearchBot.Discord.Guilds;

/// <summary>
/// The daily token budget of each server (<see cref="DiscordOptions.TokenBudgetPerGuildPerDay"/>, or the server's own from
/// <c>/settings</c>): questions are refused politely once the day's (UTC) tokens are spent. DMs have no server and no budget.
/// </summary>
public sealed class TokenBudget(ITokenUsageRepository usage, ServerSettings settings, ResearchBotMetrics metrics, TimeProvider time)
{
    /// <summary>True when <paramref name="guildId"/> may ask another question today (always in a DM).</summary>
    public async Task<bool> HasRoomAsync(string? guildId, CancellationToken cancellationToken)
    {
        if (guildId is null) return true;
        var budget = await settings.TokenBudgetAsync(guildId, cancellationToken);
        if (budget <= 0 || await usage.GetAsync(guildId, Today, cancellationToken) < budget) return true;
        metrics.BudgetRefused(guildId);
        return false;
    }

    /// <summary>Adds the tokens <paramref name="answer"/> used (as the provider reported them) to its server's day.</summary>
    public async Task RecordAsync(string? guildId, Answer? answer, CancellationToken cancellationToken)
    {
        if (answer?.Usage is not { } used) return;
        var tokens = used.TotalTokens ?? (used.InputTokens ?? 0) + (used.OutputTokens ?? 0);
        if (tokens <= 0) return;
        metrics.TokensUsed(guildId ?? "dm", tokens);
        if (guildId is not null) await usage.AddAsync(guildId, Today, tokens, cancellationToken);
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
