using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ResearchBot.ChatClients;

/// <summary>Rethrows provider failures as one-line <see cref="ChatProviderException"/>s, for calls and streams alike.</summary>
public sealed class ProviderErrorChatClient(IChatClient inner, string provider) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception e) when (ChatErrorTranslator.Translate(e, provider, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IAsyncEnumerator<ChatResponseUpdate> e;
        try
        {
            e = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception ex) when (ChatErrorTranslator.Translate(ex, provider, cancellationToken) is { } translated)
        {
            throw translated;
        }
        await using (e)
        {
            while (true)
            {
                try
                {
                    if (!await e.MoveNextAsync()) yield break;
                }
                catch (Exception ex) when (ChatErrorTranslator.Translate(ex, provider, cancellationToken) is { } translated)
                {
                    throw translated;
                }
                yield return e.Current;
            }
        }
    }
}
