using ResearchBot.Retrieval;
using ResearchBot.Tests.Ingestion;
using static ResearchBot.Tests.Storage.TestPapers;

namespace ResearchBot.Tests.Storage;

public class SqliteSearchIndexSourceTests
{
    private static string Plan(TestStore t, string sql)
    {
        using var c = t.Factory.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var r = cmd.ExecuteReader();
        var lines = new List<string>();
        while (r.Read()) lines.Add(r.GetString(3));
        return string.Join('\n', lines);
    }

    [Fact]
    public async Task Paper_statistics_are_read_from_a_covering_index_not_the_abstracts()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync(Corpus);

        Assert.Contains("COVERING INDEX papers_stats", Plan(t, ResearchBot.Storage.SqliteSearchIndexSource.StatisticsQuery));
    }

    [Fact]
    public async Task A_store_without_the_covering_index_loads_the_same_contents()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync(Corpus);
        var with = t.IndexSource.ReadContents();
        t.Scalar("DROP INDEX papers_stats");

        var without = t.IndexSource.ReadContents();

        Assert.DoesNotContain("papers_stats", Plan(t, ResearchBot.Storage.SqliteSearchIndexSource.StatisticsQuery));
        Assert.Equal(with.Exists, without.Exists);
        Assert.Equal(with.TitleLength, without.TitleLength);
        Assert.Equal(with.AbstractLength, without.AbstractLength);
        Assert.Equal(with.DayNumber, without.DayNumber);
    }

    [Fact]
    public async Task Kept_read_connections_see_what_another_process_commits_after_they_were_last_used()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "papers.db");
        using var reader = TestStore.OnFile(path);
        await reader.Store.UpsertAsync([Transformers]);
        var before = reader.IndexSource.CurrentGeneration();
        var first = await reader.Search.SearchAsync(new SearchQuery("long document summarization"));
        Assert.Equal(Transformers.Title, Assert.Single(first.Hits).Paper.Title);

        // Another writer (as another process would be) adds a paper; the reader's idle connections must not serve an old snapshot.
        using (var writer = TestStore.OnFile(path)) await writer.Store.UpsertAsync([Diffusion]);

        Assert.True(reader.IndexSource.CurrentGeneration() > before);
        var hits = await reader.Search.SearchAsync(new SearchQuery("diffusion image synthesis"));
        Assert.Equal(Diffusion.Title, hits.Hits[0].Paper.Title);
    }

    [Fact]
    public async Task A_read_lease_gives_its_connection_back_for_the_next_read_and_disposing_the_factory_closes_it()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync(Corpus);
        Microsoft.Data.Sqlite.SqliteConnection first;
        using (var lease = t.Factory.Read()) first = lease.Connection;
        using (var lease = t.Factory.Read()) Assert.Same(first, lease.Connection);

        t.Factory.Dispose();

        Assert.Equal(System.Data.ConnectionState.Closed, first.State);
    }

    [Fact]
    public async Task Vectors_read_on_a_second_connection_are_the_ones_read_in_the_same_transaction()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "papers.db");
        using var t = TestStore.OnFile(path);
        await t.Store.UpsertAsync(Corpus);

        var together = new ResearchBot.Storage.SqliteSearchIndexSource(t.Factory, parallelLoadFrom: 0).ReadContents();
        var inOne = new ResearchBot.Storage.SqliteSearchIndexSource(t.Factory, parallelLoadFrom: int.MaxValue).ReadContents();

        Assert.Equal(inOne.Generation, together.Generation);
        Assert.NotNull(together.Vectors);
        var query = new float[inOne.Vectors!.Dimensions];
        query[3] = 1; query[17] = -0.5f;
        var a = new float[inOne.Capacity];
        var b = new float[together.Capacity];
        inOne.Vectors.DotAll(query, a);
        together.Vectors.DotAll(query, b);
        Assert.Equal(a, b);
    }
}
