namespace ResearchBot.ChatClients;

/// <summary>The language model provider failed; the message is one line, fit to show a user.</summary>
public sealed class ChatProviderException(string message, Exception? inner = null) : Exception(message, inner);
