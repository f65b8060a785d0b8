using System.Diagnostics.Metrics;

namespace ResearchBot.Telemetry;

/// <summary>
/// The bot's metrics, on the <see cref="System.Diagnostics.Metrics.Meter"/> named <see cref="MeterName"/>. In Prometheus form
/// (dots become underscores, counters end in <c>_total</c>, the unit is appended): <c>researchbot_answers_total</c>,
/// <c>researchbot_answer_duration_seconds</c>, <c>researchbot_tokens_total</c>, <c>researchbot_abstentions_total</c>,
/// <c>researchbot_provider_errors_total</c>, <c>researchbot_gateway_reconnects_total</c>, <c>researchbot_rate_limit_waits_total</c>,
/// <c>researchbot_papers</c>, <c>researchbot_ingest_runs_total</c>, <c>researchbot_ingest_papers_added_total</c> and
/// <c>researchbot_budget_refusals_total</c> and <c>researchbot_feedback_total</c> (by <c>vote</c>: up, down).
/// </summary>
public sealed class ResearchBotMetrics
{
    /// <summary>The meter's name (what an OpenTelemetry <c>AddMeter</c> subscribes to).</summary>
    public const string MeterName = "ResearchBot";

    private readonly Counter<long> _answers;
    private readonly Histogram<double> _answerDuration;
    private readonly Counter<long> _tokens;
    private readonly Counter<long> _abstentions;
    private readonly Counter<long> _providerErrors;
    private readonly Counter<long> _gatewayReconnects;
    private readonly Counter<long> _rateLimitWaits;
    private readonly Counter<long> _ingestRuns;
    private readonly Counter<long> _ingestPapersAdded;
    private readonly Counter<long> _budgetRefusals;
    private readonly Counter<long> _feedback;
    private long _papers = -1;

    public ResearchBotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _answers = meter.CreateCounter<long>("researchbot.answers", description: "Answers given, by surface and mode (offline or model).");
        _answerDuration = meter.CreateHistogram<double>("researchbot.answer.duration", "s", "Time from question to the delivered answer.");
        _tokens = meter.CreateCounter<long>("researchbot.tokens", description: "Language-model tokens used, by Discord server.");
        _abstentions = meter.CreateCounter<long>("researchbot.abstentions", description: "Answers that said the papers do not cover the question.");
        _providerErrors = meter.CreateCounter<long>("researchbot.provider.errors", description: "Answers that failed because the language-model provider failed.");
        _gatewayReconnects = meter.CreateCounter<long>("researchbot.gateway.reconnects", description: "Reconnections to the Discord gateway.");
        _rateLimitWaits = meter.CreateCounter<long>("researchbot.rate_limit.waits", description: "Discord REST calls that waited for a rate limit.");
        _ingestRuns = meter.CreateCounter<long>("researchbot.ingest.runs", description: "Scheduled ingest runs, by outcome.");
        _ingestPapersAdded = meter.CreateCounter<long>("researchbot.ingest.papers_added", description: "Papers added by scheduled ingest runs.");
        _budgetRefusals = meter.CreateCounter<long>("researchbot.budget.refusals", description: "Questions refused because the server's daily token budget was spent.");
        _feedback = meter.CreateCounter<long>("researchbot.feedback", description: "👍 and 👎 reactions on answers, by vote.");
        meter.CreateObservableGauge("researchbot.papers", ObservePapers, description: "Papers in the store.");
    }

    /// <summary>Counts an answer given on <paramref name="surface"/> and how long it took.</summary>
    public void Answered(string surface, string mode, bool abstained, TimeSpan duration)
    {
        var tags = new KeyValuePair<string, object?>[] { new("surface", surface), new("mode", mode) };
        _answers.Add(1, tags);
        _answerDuration.Record(duration.TotalSeconds, tags);
        if (abstained) _abstentions.Add(1, new KeyValuePair<string, object?>("surface", surface));
    }

    /// <summary>Counts a 👍 (<paramref name="up"/>) or 👎 stored on an answer.</summary>
    public void FeedbackReceived(bool up) => _feedback.Add(1, new KeyValuePair<string, object?>("vote", up ? "up" : "down"));

    public void ProviderFailed(string surface) => _providerErrors.Add(1, new KeyValuePair<string, object?>("surface", surface));

    public void TokensUsed(string guild, long tokens)
    {
        if (tokens > 0) _tokens.Add(tokens, new KeyValuePair<string, object?>("guild", guild));
    }

    public void BudgetRefused(string guild) => _budgetRefusals.Add(1, new KeyValuePair<string, object?>("guild", guild));

    public void GatewayReconnected() => _gatewayReconnects.Add(1);

    public void RateLimitWaited(string scope) => _rateLimitWaits.Add(1, new KeyValuePair<string, object?>("scope", scope));

    public void IngestRan(bool succeeded, int added)
    {
        _ingestRuns.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));
        if (added > 0) _ingestPapersAdded.Add(added);
    }

    /// <summary>The number of papers in the store, as last counted (reported once it is known).</summary>
    public void PapersInStore(long count) => Interlocked.Exchange(ref _papers, count);

    private IEnumerable<Measurement<long>> ObservePapers()
    {
        var papers = Interlocked.Read(ref _papers);
        return papers < 0 ? [] : [new Measurement<long>(papers)];
    }
}
