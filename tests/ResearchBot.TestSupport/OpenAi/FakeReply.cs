namespace ResearchBot.TestSupport.OpenAi;

/// <summary>One scripted reply of <see cref="FakeOpenAiServer"/>.</summary>
public abstract record FakeReply
{
    /// <summary>An assistant message; streamed in <paramref name="Chunks"/> pieces when the request asks to stream.</summary>
    public static FakeReply Text(string content, int promptTokens = 0, int completionTokens = 0) => new TextReply(content, promptTokens, completionTokens);

    /// <summary>A call of tool <paramref name="Name"/> with JSON arguments.</summary>
    public static FakeReply ToolCall(string name, string argumentsJson) => new ToolCallReply(name, argumentsJson);

    /// <summary>An HTTP error, optionally with a Retry-After header (seconds).</summary>
    public static FakeReply Status(int status, string? retryAfter = null) => new StatusReply(status, retryAfter);

    /// <summary>An HTTP error whose body carries <paramref name="message"/> as the provider's error message (e.g. "model X does not support tools").</summary>
    public static FakeReply Error(int status, string message) => new ErrorReply(status, message);

    /// <summary>A stream that sends <paramref name="before"/> and then stalls for <paramref name="stall"/> (or until the client gives up).</summary>
    public static FakeReply Stall(string before, TimeSpan stall) => new StallReply(before, stall);

    /// <summary>No answer until the client gives up (or <paramref name="Delay"/> passes).</summary>
    public static FakeReply Hang(TimeSpan delay) => new HangReply(delay);
}

/// <summary>See <see cref="FakeReply.Text"/>.</summary>
public sealed record TextReply(string Content, int PromptTokens, int CompletionTokens) : FakeReply;

/// <summary>See <see cref="FakeReply.ToolCall"/>.</summary>
public sealed record ToolCallReply(string Name, string ArgumentsJson) : FakeReply;

/// <summary>See <see cref="FakeReply.Status"/>.</summary>
public sealed record StatusReply(int Code, string? RetryAfter) : FakeReply;

/// <summary>See <see cref="FakeReply.Stall"/>.</summary>
public sealed record StallReply(string Before, TimeSpan Delay) : FakeReply;

/// <summary>See <see cref="FakeReply.Hang"/>.</summary>
public sealed record HangReply(TimeSpan Delay) : FakeReply;

/// <summary>See <see cref="FakeReply.Error"/>.</summary>
public sealed record ErrorReply(int Code, string Message) : FakeReply;
