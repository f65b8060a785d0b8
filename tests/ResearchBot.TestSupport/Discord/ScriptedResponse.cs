namespace ResearchBot.TestSupport.Discord;

/// <summary>
/// A response the emulator gives to the next matching request: a fixed status and body, or (with no status) the normal
/// handling with extra headers such as <c>X-RateLimit-*</c>.
/// </summary>
public sealed record ScriptedResponse(int? Status = null, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A 429 with <c>retry_after</c> seconds.</summary>
    public static ScriptedResponse TooManyRequests(double retryAfter, bool global = false) =>
        new(429, $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"global":{{(global ? "true" : "false")}}}""",
            new Dictionary<string, string> { ["X-RateLimit-Scope"] = global ? "global" : "user" });

    /// <summary>The normal response, with the bucket's rate-limit headers.</summary>
    public static ScriptedResponse WithRateLimit(string bucket, int limit, int remaining, double resetAfter) =>
        new(Headers: new Dictionary<string, string>
        {
            ["X-RateLimit-Bucket"] = bucket,
            ["X-RateLimit-Limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Remaining"] = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Reset-After"] = resetAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
}
