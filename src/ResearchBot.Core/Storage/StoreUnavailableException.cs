namespace ResearchBot.Storage;

/// <summary>The store's server cannot be reached or refused the connection (the message never holds a password).</summary>
public sealed class StoreUnavailableException(string store, string reason, Exception? inner = null)
    : Exception($"store: cannot open {store}: {reason}", inner);
