using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ResearchBot.ChatClients;

/// <summary>
/// The provider boundary: whatever the provider client throws becomes a one-line <see cref="ChatProviderException"/>
/// naming the provider and the cause (the API key removed), and a reply that is empty or a stream that ends without a
/// finish reason is refused the same way (the pieces already streamed stay with the caller). Only the caller's own
/// cancellation passes through as is.
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
                check.Observe(e.Current);
                yield return e.Current;
            }
        }
        if (check.StreamProblem is { } problem) throw ChatErrorTranslator.Refuse(problem, _provider);
    }

    private ChatProviderException? Translate(Exception error, CancellationToken cancellationToken) =>
        ChatErrorTranslator.Translate(error, _provider, _providerName, _redactor, cancellationToken);
}
