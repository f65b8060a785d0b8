using Microsoft.Extensions.Time.Testing;
using ResearchBot.TestSupport;

namespace ResearchBot.Discord.Tests.Support;

/// <summary>A fake clock that also records every timer created, so a test can wait until the code under test is waiting.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly FakeTimeProvider _fake = new(start);

    public TestClock() : this(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)) { }

    /// <summary>Every timer created (Task.Delay, WaitAsync, ITimer): its due time and period.</summary>
    public SignalList<TimerRecord> Timers { get; } = new();

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();
    public override long GetTimestamp() => _fake.GetTimestamp();
    public override long TimestampFrequency => _fake.TimestampFrequency;
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _fake.CreateTimer(callback, state, dueTime, period);
        Timers.Add(new TimerRecord(dueTime, period, _fake.GetUtcNow()));
        return timer;
    }

    public void Advance(TimeSpan by) => _fake.Advance(by);

    /// <summary>Waits for the <paramref name="nth"/> timer due after <paramref name="due"/>, then moves the clock past it.</summary>
    public async Task FireAsync(TimeSpan due, int nth = 1)
    {
        await Timers.WaitForCountAsync(t => t.Due == due, nth, what: $"timer #{nth} due in {due}");
        Advance(due);
    }
}

/// <summary>A timer the code under test created.</summary>
public sealed record TimerRecord(TimeSpan Due, TimeSpan Period, DateTimeOffset CreatedAt);
