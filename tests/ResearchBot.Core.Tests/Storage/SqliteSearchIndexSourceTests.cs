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

        Assert.Contains("COVERING INDEX papers_stats", Plan(t, "SELECT doc, title_len, abstract_len, date FROM papers"));
    }

    [Fact]
    public async Task A_store_without_the_covering_index_loads_the_same_contents()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync(Corpus);
        var with = t.IndexSource.ReadContents();
        t.Scalar("DROP INDEX papers_stats");

        var without = t.IndexSource.ReadContents();

        Assert.DoesNotContain("papers_stats", Plan(t, "SELECT doc, title_len, abstract_len, date FROM papers"));
        Assert.Equal(with.Exists, without.Exists);
        Assert.Equal(with.TitleLength, without.TitleLength);
        Assert.Equal(with.AbstractLength, without.AbstractLength);
        Assert.Equal(with.DayNumber, without.DayNumber);
    }
}
