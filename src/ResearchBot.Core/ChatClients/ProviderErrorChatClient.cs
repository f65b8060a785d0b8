using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ResearchBot.ChatClients;

/// <summary>
/// The provider boundary: whatever the provider client throws becomes a one-line <see cref="ChatProviderException"/>
/// naming the provider and the cause (the API key removed), and a reply that is empty or a stream that ends without a
/// finish reason is refused the same way (the pieces already streamed stay with the caller). When the caller cancelled,
/// whatever the provider client throws becomes an <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class ProviderErrorChatClient : DelegatingChatClient
{
    private readonly string _provider;
    private readonly string _providerName;
    private readonly SecretRedactor _redactor;

    /// <param name="settings">Gives the provider's description (never the key) and the key to keep out of messages.</param>
    public ProviderErrorChatClient(IChatClient inner, ChatSettings settings) : base(inner)
    {
        _redactor = new SecretRedactor(settings.ApiKey);
        _provider = _redactor.Redact(settings.Describe());
        _providerName = settings.Provider.ToString();
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception e) when (Translate(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Cancelled(e, cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return ReplyCheck.ResponseProblem(response) is { } problem ? throw ChatErrorTranslator.Refuse(problem, _provider) : response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IAsyncEnumerator<ChatResponseUpdate> e;
        try
        {
            e = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception ex) when (Translate(ex, cancellationToken) is { } translated)
        {
            throw translated;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Cancelled(ex, cancellationToken);
        }
        var check = new ReplyCheck();
        await using (e)
        {
            while (true)
            {
                try
                {
                    if (!await e.MoveNextAsync()) break;
                }
                catch (Exception ex) when (Translate(ex, cancellationToken) is { } translated)
                {
                    throw translated;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    throw Cancelled(ex, cancellationToken);
                }
                check.Observe(e.Current);
                yield return e.Current;
            }
        }
        // A stream the caller cancelled may end quietly: that is a cancellation, not a cut-off reply.
        cancellationToken.ThrowIfCancellationRequested();
        if (check.StreamProblem is { } problem) throw ChatErrorTranslator.Refuse(problem, _provider);
    }

    /// <summary>The caller cancelled and the provider client failed because of it (e.g. an AggregateException of cancelled
    /// retries): the caller sees a plain cancellation.</summary>
    private static OperationCanceledException Cancelled(Exception error, CancellationToken cancellationToken) =>
        new("The language model call was cancelled.", error, cancellationToken);

    private ChatProviderException? Translate(Exception error, CancellationToken cancellationToken) =>
        ChatErrorTranslator.Translate(error, _provider, _providerName, _redactor, cancellationToken);
}
