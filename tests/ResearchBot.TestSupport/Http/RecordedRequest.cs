namespace ResearchBot.TestSupport.Http;

/// <summary>A request the <see cref="RecordedResponseServer"/> received, with the time (on the server's clock) it arrived.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, DateTimeOffset ReceivedAt);
