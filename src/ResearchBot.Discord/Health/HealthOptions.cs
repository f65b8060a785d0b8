namespace ResearchBot.Discord.Health;

/// <summary>The health and metrics endpoint of the <c>discord</c> host (section <c>Health</c>).</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>Where <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> are served (Kestrel); empty turns the endpoint off.
    /// Port 0 picks a free port.</summary>
    public string Url { get; set; } = "http://127.0.0.1:8080";

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);
}
