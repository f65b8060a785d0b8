namespace ResearchBot.ChatClients;

/// <summary>
/// Remembers why the latest HTTP try of a provider call failed (an exception or an error status), so a call that runs
/// out of <c>Chat:Timeout</c> while retrying can say what the tries met. The record belongs to the call: it flows with
/// the call's async context (<see cref="Begin"/>), so concurrent calls do not mix.
/// </summary>
internal sealed class TryRecorder : DelegatingHandler
{
    private static readonly AsyncLocal<CallTries?> Current = new();

    /// <summary>Starts recording for the call running in this async context.</summary>
    public static CallTries Begin() => Current.Value = new CallTries();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode && Current.Value is { } tries)
                tries.LastFailure = $"HTTP {(int)response.StatusCode}";
            return response;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && Current.Value is { } tries)
        {
            tries.LastFailure = ChatErrorTranslator.Describe(e);
            throw;
        }
    }
}

/// <summary>What the HTTP tries of one provider call met.</summary>
internal sealed class CallTries
{
    /// <summary>Why the latest failed try failed, or null when none failed.</summary>
    public string? LastFailure { get; set; }
}
