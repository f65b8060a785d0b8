namespace ResearchBot.TestSupport.Http;

/// <summary>A response the <see cref="RecordedResponseServer"/> plays back: status, body, headers and an optional delay before answering.</summary>
public sealed record RecordedResponse(int StatusCode, string Body = "", string ContentType = "application/json; charset=utf-8")
{
    public TimeSpan Delay { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static RecordedResponse Json(string body) => new(200, body);

    public static RecordedResponse Atom(string body) => new(200, body, "application/atom+xml; charset=utf-8");

    /// <summary>A 429 Too Many Requests with a <c>Retry-After</c> in seconds.</summary>
    public static RecordedResponse TooManyRequests(int retryAfterSeconds) =>
        new(429, "{\"error\":\"rate limited\"}") { Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) } };

    public static RecordedResponse ServerError() => new(500, "{\"error\":\"internal error\"}");
}
