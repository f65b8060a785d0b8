using Microsoft.Extensions.Options;

namespace ResearchBot.Discord.Bot;

/// <summary>Abuse and cost limits: a per-user cooldown and a cap on answers in flight per channel.</summary>
public sealed class AnswerThrottle(IOptions<DiscordOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _lastAsk = [];
    private readonly Dictionary<string, int> _inFlight = [];
    private readonly Lock _lock = new();

    /// <summary>A lease to hold while answering, or the polite refusal to send instead.</summary>
    public ThrottleDecision TryEnter(string userId, string channelId)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_lastAsk.TryGetValue(userId, out var last) && now - last < o.UserCooldown)
            {
                var wait = Math.Max(1, (int)Math.Ceiling((o.UserCooldown - (now - last)).TotalSeconds));
                return ThrottleDecision.Refuse($"You're asking a little fast — please wait {wait} s before your next question.");
            }
            var count = _inFlight.GetValueOrDefault(channelId);
            if (count >= o.MaxAnswersInFlightPerChannel)
                return ThrottleDecision.Refuse($"I'm already working on {count} {(count == 1 ? "question" : "questions")} in this channel — please try again in a moment.");
            _lastAsk[userId] = now;
            _inFlight[channelId] = count + 1;
        }
        return ThrottleDecision.Allow(new Lease(this, channelId));
    }

    private void Leave(string channelId)
    {
        lock (_lock)
        {
            if (_inFlight.TryGetValue(channelId, out var count) && count > 1) _inFlight[channelId] = count - 1;
            else _inFlight.Remove(channelId);
        }
    }

    private sealed class Lease(AnswerThrottle owner, string channelId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Leave(channelId);
        }
    }
}

/// <summary>The outcome of <see cref="AnswerThrottle.TryEnter"/>: a lease to dispose when done, or a refusal.</summary>
public sealed record ThrottleDecision(IDisposable? Lease, string? Refusal)
{
    public static ThrottleDecision Allow(IDisposable lease) => new(lease, null);
    public static ThrottleDecision Refuse(string message) => new(null, message);
}
