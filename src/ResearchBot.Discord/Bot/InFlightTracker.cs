using Microsoft.Extensions.Logging;

namespace ResearchBot.Discord.Bot;

/// <summary>Runs the bot's work off the gateway's receive loop and lets a stop wait for it within a grace period.</summary>
public sealed class InFlightTracker(TimeProvider time, ILogger<InFlightTracker> log) : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly HashSet<Task> _running = [];
    private readonly Lock _lock = new();

    /// <summary>Work currently running.</summary>
    public int Count
    {
        get { lock (_lock) return _running.Count; }
    }

    /// <summary>Starts <paramref name="work"/> on the thread pool; its token is cancelled only when a drain runs out of time.</summary>
    public void Run(string what, Func<CancellationToken, Task> work)
    {
        var task = Task.Run(async () =>
        {
            try { await work(_cancel.Token); }
            catch (OperationCanceledException) when (_cancel.IsCancellationRequested) { log.LogWarning("{Work} cancelled at shutdown", what); }
            catch (Exception ex) { log.LogError(ex, "{Work} failed", what); }
        });
        lock (_lock) _running.Add(task);
        task.ContinueWith(t => { lock (_lock) _running.Remove(t); }, TaskScheduler.Default);
    }

    /// <summary>Waits for the work in flight up to <paramref name="grace"/>, then cancels what is left.</summary>
    public async Task DrainAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_lock) running = [.. _running];
        if (running.Length == 0) return;
        log.LogInformation("Waiting up to {Grace} for {Count} answers in flight", grace, running.Length);
        try
        {
            await Task.WhenAll(running).WaitAsync(grace, time, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            log.LogWarning("Grace period over; cancelling {Count} answers in flight", Count);
            await _cancel.CancelAsync();
        }
    }

    public void Dispose() => _cancel.Dispose();
}
