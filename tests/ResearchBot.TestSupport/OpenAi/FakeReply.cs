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

    /// <summary>A reply that is not valid JSON: a truncated JSON body, or (streaming) one good piece then an event that is not JSON.</summary>
    public static FakeReply Malformed(string before = "Keyformer") => new MalformedReply(before);

    /// <summary>A stream that sends <paramref name="before"/> and ends without a finish reason (no <c>[DONE]</c>, no <c>done</c> line).</summary>
    public static FakeReply CutOff(string before) => new CutOffReply(before);

    /// <summary>A well-formed reply without any choice (<c>{"choices":[]}</c>; Ollama: a final line with no message).</summary>
    public static FakeReply EmptyChoices() => new EmptyChoicesReply();

    /// <summary>A 401 whose error message echoes the API key the client sent, as some providers do.</summary>
    public static FakeReply RejectKey() => new RejectKeyReply();

    /// <summary>A stream that sends <paramref name="before"/> and then drops the connection (no proper end of the response).</summary>
    public static FakeReply Drop(string before) => new DropReply(before);

    /// <summary>A stream that never ends but is never idle: one word every <paramref name="interval"/> (or until the client gives up).</summary>
    public static FakeReply Drip(TimeSpan interval) => new DripReply(interval);
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

/// <summary>See <see cref="FakeReply.Malformed"/>.</summary>
public sealed record MalformedReply(string Before) : FakeReply;

/// <summary>See <see cref="FakeReply.CutOff"/>.</summary>
public sealed record CutOffReply(string Before) : FakeReply;

/// <summary>See <see cref="FakeReply.EmptyChoices"/>.</summary>
public sealed record EmptyChoicesReply : FakeReply;

/// <summary>See <see cref="FakeReply.RejectKey"/>.</summary>
public sealed record RejectKeyReply : FakeReply;

/// <summary>See <see cref="FakeReply.Drop"/>.</summary>
public sealed record DropReply(string Before) : FakeReply;

/// <summary>See <see cref="FakeReply.Drip"/>.</summary>
public sealed record DripReply(TimeSpan Interval) : FakeReply;
