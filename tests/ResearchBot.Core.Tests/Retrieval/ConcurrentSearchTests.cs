using ResearchBot.Retrieval.Index;
using ResearchBot.Tests.Ingestion;
using ResearchBot.Tests.Storage;
using Xunit.Abstractions;

namespace ResearchBot.Tests.Retrieval;

/// <summary>Searches while an ingest commits batches: every search succeeds (snapshots and postings stay consistent).</summary>
public class ConcurrentSearchTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Searches_during_an_ingest_never_fail()
    {
        using var folder = new TempFolder();
        using var t = TestStore.OnFile(Path.Combine(folder.Path, "race.db"));
        await t.Store.UpsertAsync([.. Enumerable.Range(0, 500).Select(i => TestPapers.Make($"Seed paper number {i} about transformer models", $"Abstract {i} transformer attention diffusion quantization words", 2))]);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var ingest = Task.Run(async () =>
        {
            for (var b = 0; b < 30 && !cts.IsCancellationRequested; b++)
                await t.Store.UpsertAsync([.. Enumerable.Range(0, 20).Select(i => TestPapers.Make($"Batch {b} item {i} transformer zebra{b}x{i}", $"More transformer attention text {b} {i} quantization", 3))]);
        });
        var searchers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!ingest.IsCompleted)
            {
                try { t.Ranker.Rank("transformer attention quantization", null, DayRange.All, 10); }
                catch (Exception ex) { errors.Add(ex); if (errors.Count > 20) return; }
                await Task.Delay(1); // leave the other test assemblies some CPU
            }
        })).ToArray();
        await ingest; await Task.WhenAll(searchers);
        foreach (var g in errors.GroupBy(e => e.GetType().Name + ": " + e.StackTrace?.Split('\n').FirstOrDefault()))
            output.WriteLine($"{g.Count()} x {g.Key}");
        Assert.Empty(errors);
    }
}
