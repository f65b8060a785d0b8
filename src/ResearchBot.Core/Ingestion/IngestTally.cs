using ResearchBot.Storage;

namespace ResearchBot.Ingestion;

/// <summary>Running counts of one ingest call.</summary>
internal sealed class IngestTally
{
    public int Parsed { get; set; }
    public int Added { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public List<IngestFailure> Failures { get; } = [];
    public List<IngestFailure> Warnings { get; } = [];

    public void Add(UpsertResult result)
    {
        Added += result.Added;
        Updated += result.Updated;
        Unchanged += result.Unchanged;
    }
}
