namespace ResearchBot.Ingestion.Scheduling;

/// <summary>Scheduled ingestion (section <c>Ingest</c>), independent of the digest; run by the <c>discord</c> host.</summary>
public sealed class IngestScheduleOptions
{
    public const string Section = "Ingest";

    /// <summary>When to ingest (five-field cron, read in <see cref="TimeZone"/>); empty: no scheduled ingestion.</summary>
    public string Schedule { get; set; } = "";

    /// <summary>IANA time zone id the schedule is read in; a run fetches the Hugging Face papers of its day in this zone.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>What each run ingests: <c>hf</c> (the day's Hugging Face papers) and arXiv queries as <c>arxiv:QUERY</c>
    /// (e.g. <c>arxiv:cat:cs.CL</c>); empty: <c>hf</c> alone.</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>At most this many papers per arXiv query and run.</summary>
    public int ArxivMax { get; set; } = 100;

    /// <summary>After downtime, at most this many missed runs are caught up (the latest ones); 0: none.</summary>
    public int MaxCatchUpRuns { get; set; } = 7;

    /// <summary>The sources in effect.</summary>
    public IReadOnlyList<string> EffectiveSources => Sources.Count == 0 ? [IngestTargetExpander.HuggingFaceSource] : Sources;
}
