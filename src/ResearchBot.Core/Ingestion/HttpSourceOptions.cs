namespace ResearchBot.Ingestion;

/// <summary>Timeout and retry settings shared by the online paper sources.</summary>
public abstract class HttpSourceOptions
{
    /// <summary>The site's base URL (configuration makes it point at a test server).</summary>
    public abstract Uri BaseUrl { get; set; }

    /// <summary>How long one attempt may take before it is abandoned.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a failed attempt (429, 5xx, timeout); at least 1.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones back off exponentially. A <c>Retry-After</c> header wins.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
