namespace ResearchBot.TestSupport;

/// <summary>A thread-safe list that tests can wait on: "the first item matching this, now or when it arrives".</summary>
public sealed class SignalList<T>
{
    /// <summary>How long a wait lasts before it fails the test.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly List<T> _items = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(T item) => Changed(() => _items.Add(item));

    /// <summary>Wakes the waiters after an item changed in place.</summary>
    public void Touch() => Changed(() => { });

    private void Changed(Action change)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            change();
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    /// <summary>A copy of the items so far.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_lock) return [.. _items];
    }

    /// <summary>The first item matching <paramref name="match"/>, already there or still to come.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> match, TimeSpan? timeout = null, string? what = null) =>
        (await WaitForCountAsync(match, 1, timeout, what))[0];

    /// <summary>Waits until at least <paramref name="count"/> items match; returns them all.</summary>
    public async Task<IReadOnlyList<T>> WaitForCountAsync(Func<T, bool> match, int count, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            Task changed;
            List<T> seen;
            lock (_lock)
            {
                seen = _items.Where(match).ToList();
                changed = _changed.Task;
            }
            if (seen.Count >= count) return seen;
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
                throw new TimeoutException($"Timed out waiting for {what ?? typeof(T).Name}: saw {seen.Count} of {count}");
            try { await changed.WaitAsync(remaining); }
            catch (TimeoutException) { }
        }
    }
}
