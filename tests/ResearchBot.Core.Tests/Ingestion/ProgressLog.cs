using ResearchBot.Ingestion;

namespace ResearchBot.Tests.Ingestion;

/// <summary>Collects progress reports synchronously (unlike <see cref="Progress{T}"/>, which posts them later).</summary>
internal sealed class ProgressLog : IProgress<IngestProgress>
{
    public List<IngestProgress> Reports { get; } = [];

    public void Report(IngestProgress value) => Reports.Add(value);
}
