using Microsoft.Extensions.Options;
using ResearchBot.Configuration;

namespace ResearchBot.ChatClients;

/// <summary>Checks the <c>Chat</c> section at start: provider, endpoint, model, timeout and budgets (the key is never shown).</summary>
public sealed class ChatSettingsValidator : IValidateOptions<ChatSettings>
{
    /// <summary>The longest <c>Chat:Timeout</c> accepted.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, ChatSettings o) =>
        new SettingChecks(ChatSettings.Section)
            .Defined(nameof(o.Provider), o.Provider)
            .Url(nameof(o.Endpoint), o.Endpoint)
            .Require(!o.UsesModel || !Enum.IsDefined(o.Provider) || !string.IsNullOrWhiteSpace(o.Model), nameof(o.Model), $"must be set when Chat:Provider is {o.Provider}")
            .Positive(nameof(o.Timeout), o.Timeout, MaxTimeout)
            .Between(nameof(o.MaxRetries), o.MaxRetries, 0, 10)
            .Between(nameof(o.MaxToolCalls), o.MaxToolCalls, 1, 50)
            .Between(nameof(o.ContextTokens), o.ContextTokens, 500, 10_000_000)
            .Result();
}
