using Cronos;
using Microsoft.Extensions.Options;

namespace ResearchBot.Discord;

/// <summary>Checks <see cref="DiscordOptions"/> at start, so a bad cron, zone or URL fails with a clear message.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
            errors.Add($"Discord:ApiBaseUrl must be an http(s) URL, not '{options.ApiBaseUrl}'");
        if (options.GatewayUrl is { Length: > 0 } g && (!Uri.TryCreate(g, UriKind.Absolute, out var gw) || gw.Scheme is not ("ws" or "wss")))
            errors.Add($"Discord:GatewayUrl must be a ws(s) URL, not '{g}'");
        // Checked even without a channel: a server's /settings can turn its digest on at any time.
        {
            try { CronExpression.Parse(options.DigestCron); }
            catch (CronFormatException ex) { errors.Add($"Discord:DigestCron '{options.DigestCron}' is not a cron expression: {ex.Message}"); }
            try { TimeZoneInfo.FindSystemTimeZoneById(options.DigestTimeZone); }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException) { errors.Add($"Discord:DigestTimeZone '{options.DigestTimeZone}' is not a known time zone"); }
        }
        if (options.MaxQuestionLength < 1) errors.Add("Discord:MaxQuestionLength must be at least 1");
        if (options.MaxAnswersInFlightPerChannel < 1) errors.Add("Discord:MaxAnswersInFlightPerChannel must be at least 1");
        if (options.TokenBudgetPerGuildPerDay < 0) errors.Add($"Discord:TokenBudgetPerGuildPerDay cannot be negative (0 means no limit), not {options.TokenBudgetPerGuildPerDay}");
        if (options.MaxHistoryTurns < 1) errors.Add($"Discord:MaxHistoryTurns must be at least 1 (it is {options.MaxHistoryTurns})");
        if (!Uri.TryCreate(options.UserAgentUrl, UriKind.Absolute, out var agent) || agent.Scheme is not ("http" or "https"))
            errors.Add($"Discord:UserAgentUrl must be an http(s) URL, not '{options.UserAgentUrl}'");
        if (options.ShardCount < 1) errors.Add($"Discord:ShardCount must be at least 1 (it is {options.ShardCount})");
        else if (options.ShardId < 0 || options.ShardId >= options.ShardCount)
            errors.Add($"Discord:ShardId must be between 0 and ShardCount - 1 ({options.ShardCount - 1}) (it is {options.ShardId})");
        if (options.UserCooldown < TimeSpan.Zero || options.ShutdownGrace < TimeSpan.Zero || options.StreamEditInterval < TimeSpan.Zero)
            errors.Add("Discord:UserCooldown, ShutdownGrace and StreamEditInterval cannot be negative");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
