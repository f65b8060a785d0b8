using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ResearchBot.ChatClients;

/// <summary>
/// Makes <c>Chat:Timeout</c> a deadline for a whole provider call: the request, its retries and every piece of a
/// streamed reply. The deadline is enforced on the stream itself (a provider that ignores cancellation while reading,
/// such as OllamaSharp, cannot hold a stalled stream open); when it passes, <see cref="ChatDeadlineException"/> is thrown.
/// </summary>
public sealed class DeadlineChatClient(IChatClient inner, TimeSpan timeout) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var tries = TryRecorder.Begin();
        try
        {
            var response = await base.GetResponseAsync(messages, options, deadline.Token).WaitAsync(deadline.Token);
            deadline.Token.ThrowIfCancellationRequested();
            return response;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ChatDeadlineException(timeout, tries.LastFailure);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var tries = TryRecorder.Begin();
        var updates = base.GetStreamingResponseAsync(messages, options, deadline.Token).GetAsyncEnumerator(deadline.Token);
        Task<bool>? pending = null;
        try
        {
            while (true)
            {
                pending = updates.MoveNextAsync().AsTask();
                try
                {
                    if (!await pending.WaitAsync(deadline.Token))
                    {
                        // Some clients (OllamaSharp) end a cancelled stream quietly instead of throwing.
                        if (deadline.IsCancellationRequested) deadline.Token.ThrowIfCancellationRequested();
                        yield break;
                    }
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new ChatDeadlineException(timeout, tries.LastFailure);
                }
                pending = null;
                yield return updates.Current;
            }
        }
        finally
        {
            if (pending is null || pending.IsCompleted) await updates.DisposeAsync();
            // A read still in progress: dispose once it ends (the cancelled token ends it for providers that listen).
            else _ = pending.ContinueWith(read => { _ = read.Exception; return updates.DisposeAsync().AsTask(); }, CancellationToken.None,
                TaskContinuationOptions.None, TaskScheduler.Default).Unwrap().ContinueWith(dispose => _ = dispose.Exception, TaskScheduler.Default);
        }
    }
}

/// <summary>A provider call did not finish within <c>Chat:Timeout</c>; the message adds why the last failed try failed, if one did.</summary>
public sealed class ChatDeadlineException(TimeSpan timeout, string? lastFailure = null)
    : TimeoutException($"timed out: no complete reply within Chat:Timeout ({Seconds(timeout)})" + (lastFailure is null ? "" : $"; the last try failed: {lastFailure}"))
{
    /// <summary>The deadline that passed.</summary>
    public TimeSpan Timeout => timeout;

    internal static string Seconds(TimeSpan t) => t.TotalSeconds >= 1
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.#} s")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:0} ms");
}
