using System.Linq.Expressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using ResearchBot.Storage;

namespace ResearchBot.Tests.Storage.VectorData;

/// <summary>A fresh, empty collection of the provider under test, with the dimensions of its vectors; disposing it drops it.</summary>
public sealed class CollectionUnderTest(VectorStoreCollection<string, PaperRecord> collection, int dimensions, IDisposable? owner = null) : IDisposable
{
    public VectorStoreCollection<string, PaperRecord> Collection { get; } = collection;

    public int Dimensions { get; } = dimensions;

    public void Dispose() => owner?.Dispose();
}

/// <summary>
/// The contract every provider's <see cref="VectorStoreCollection{TKey, TRecord}"/> of <see cref="PaperRecord"/> keeps, modelled on
/// Semantic Kernel's VectorData conformance tests (record conformance, filters, filtered get with paging and ordering, search):
/// each filter's results are compared with LINQ to Objects over the same records, as SK's filter tests do. A provider runs it
/// by deriving a class that creates its collection.
/// </summary>
public abstract class CollectionContractTests
{
    /// <summary>A new, empty collection over a store that embeds with <paramref name="embedder"/> (the offline embedder by default).</summary>
    protected abstract Task<CollectionUnderTest> CreateCollectionAsync(IEmbeddingGenerator<string, Embedding<float>>? embedder = null);

    /// <summary>The database system the provider's collection reports in its metadata.</summary>
    protected abstract string SystemName { get; }

    private static readonly DateOnly Jan = new(2024, 1, 1);

    /// <summary>The records every test starts from: every field set, null, empty or repeated somewhere.</summary>
    protected static IReadOnlyList<PaperRecord> TestData() =>
    [
        Record("2401.00001", "Alpha: Sparse Attention Transformers", "Transformer layers with sparse attention read long documents.", 2,
            ["Ada Lovelace", "Alan Turing"], 2, 8, "https://arxiv.org/abs/2401.00001", "A summary of sparse attention.", ["transformers", "attention"]),
        Record("2401.00002", "Beta: Denoising Diffusion for Images", "Diffusion models generate images by denoising.", 3,
            ["Grace Hopper"], 1, 3, null, null, ["diffusion"]),
        Record("2401.00003", "Gamma: Speech Recognition from Raw Audio", "Self-supervised speech recognition learns from raw audio.", null,
            [], null, null, "https://example.org/gamma", null, []),
        Record("2401.00004", """with special"characters'and\stuff""", "Escaping quotes and backslashes in titles.", 3,
            ["Ada Lovelace"], 1, 8, null, "Quotes.", ["escaping"]),
        Record("delta-robots", "Delta: Legged Robot Locomotion", "A quadruped robot learns locomotion with reinforcement learning.", 5,
            [], 5, 0, null, null, ["robotics", "rl"]),
        Record("2401.00006", "Epsilon: Dense Retrieval for Question Answering", "A dense retriever finds passages to answer questions.", 1,
            ["Alan Turing", "Grace Hopper", "Ada Lovelace"], 3, 21, "https://arxiv.org/abs/2401.00006", "Retrieval.", ["retrieval", "qa"]),
        Record("2401.00007", "Zeta: Four-Bit Quantization of Language Models", "Post-training quantization of large language model weights.", 4,
            ["Claude Shannon"], 1, null, null, null, ["quantization", "llm"]),
        Record("2401.00008", "eta: lowercase molecules", "Graph neural networks predict molecule properties.", 2,
            ["Claude Shannon", "Ada Lovelace"], 2, 13, null, "Molecules.", ["chemistry"]),
    ];

    private static PaperRecord Record(string id, string title, string @abstract, int? day, string[] authors, int? authorCount, int? upvotes,
        string? url, string? aiSummary, string[] aiKeywords) => new()
        {
            Id = id, Title = title, Abstract = @abstract, Published = day is int d ? Jan.AddDays(d) : null, Date = day is int e ? Jan.AddDays(e) : null,
            Authors = authors, AuthorCount = authorCount, Upvotes = upvotes, Url = url, AiSummary = aiSummary, AiKeywords = aiKeywords,
        };

    private async Task<CollectionUnderTest> SeededAsync()
    {
        var c = await CreateCollectionAsync();
        await c.Collection.EnsureCollectionExistsAsync();
        await c.Collection.UpsertAsync(TestData());
        return c;
    }

    #region Records

    [Fact]
    public async Task Upsert_then_get_by_key_round_trips_every_mapped_field()
    {
        using var c = await SeededAsync();
        foreach (var expected in TestData())
        {
            var actual = await c.Collection.GetAsync(expected.Id);
            Assert.NotNull(actual);
            AssertSameFields(expected, actual);
            Assert.Null(actual.Embedding);
        }
    }

    [Fact]
    public async Task Metadata_names_the_collection_and_the_provider()
    {
        using var c = await CreateCollectionAsync();
        var metadata = Assert.IsType<VectorStoreCollectionMetadata>(c.Collection.GetService(typeof(VectorStoreCollectionMetadata)));
        Assert.Equal("papers", metadata.CollectionName);
        Assert.Equal(SystemName + "-researchbot", metadata.VectorStoreSystemName);
    }

    [Fact]
    public async Task Get_by_key_is_exact()
    {
        using var c = await SeededAsync();
        Assert.Null(await c.Collection.GetAsync("Alpha: Sparse Attention Transformers"));
        Assert.Null(await c.Collection.GetAsync("alpha sparse attention transformers"));
        Assert.Null(await c.Collection.GetAsync("DELTA-ROBOTS"));
        Assert.Null(await c.Collection.GetAsync("2401.0000"));
        Assert.Null(await c.Collection.GetAsync("missing"));
        Assert.Equal("delta-robots", (await c.Collection.GetAsync("delta-robots"))?.Id);
    }

    [Fact]
    public async Task Get_many_returns_the_existing_records_only()
    {
        using var c = await SeededAsync();
        var records = await c.Collection.GetAsync(["2401.00007", "missing", "2401.00002", "Beta: Denoising Diffusion for Images"]).ToListAsync();
        Assert.Equal(["2401.00002", "2401.00007"], records.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Empty(await c.Collection.GetAsync(Array.Empty<string>()).ToListAsync());
    }

    [Fact]
    public async Task Upsert_replaces_the_record_with_the_same_key()
    {
        using var c = await SeededAsync();
        var changed = TestData()[5];
        changed.Abstract = "Shorter.";
        changed.Upvotes = 2;
        changed.Authors = ["Alan Turing"];
        changed.AuthorCount = 1;
        changed.Url = null;
        changed.AiKeywords = [];

        await c.Collection.UpsertAsync(changed);

        AssertSameFields(changed, (await c.Collection.GetAsync(changed.Id))!);
        Assert.Equal(TestData().Count, await c.Collection.GetAsync(_ => true, 100).CountAsync());
    }

    [Fact]
    public async Task Delete_removes_records_and_ignores_missing_keys()
    {
        using var c = await SeededAsync();
        await c.Collection.DeleteAsync("2401.00001");
        await c.Collection.DeleteAsync(["2401.00002", "missing", "delta-robots"]);
        await c.Collection.DeleteAsync("missing");

        Assert.Null(await c.Collection.GetAsync("2401.00001"));
        Assert.Null(await c.Collection.GetAsync("delta-robots"));
        Assert.Equal(TestData().Count - 3, await c.Collection.GetAsync(_ => true, 100).CountAsync());
    }

    [Fact]
    public async Task Get_includes_the_stored_vector_only_when_asked()
    {
        using var c = await SeededAsync();
        var with = await c.Collection.GetAsync("2401.00001", new RecordRetrievalOptions { IncludeVectors = true });
        var many = await c.Collection.GetAsync(["2401.00002"], new RecordRetrievalOptions { IncludeVectors = true }).SingleAsync();
        var filtered = await c.Collection.GetAsync(r => r.Id == "2401.00003", 1, new FilteredRecordRetrievalOptions<PaperRecord> { IncludeVectors = true }).SingleAsync();
        var without = await c.Collection.GetAsync("2401.00001");

        Assert.Equal(c.Dimensions, with!.Embedding!.Value.Length);
        Assert.Equal(c.Dimensions, many.Embedding!.Value.Length);
        Assert.Equal(c.Dimensions, filtered.Embedding!.Value.Length);
        Assert.Null(without!.Embedding);
    }

    [Fact]
    public async Task Upsert_keeps_a_given_embedding_and_search_finds_the_record_by_it()
    {
        using var c = await SeededAsync();
        var vector = Enumerable.Range(0, c.Dimensions).Select(i => i % 7 == 0 ? 0.5f : -0.01f * (i % 5)).ToArray();
        var record = Record("2402.00001", "Theta: Unrelated Title", "Nothing about the vector.", 9, [], null, null, null, null, []);
        record.Embedding = vector;

        await c.Collection.UpsertAsync(record);

        var stored = await c.Collection.GetAsync(record.Id, new RecordRetrievalOptions { IncludeVectors = true });
        Assert.Equal(vector, stored!.Embedding!.Value.ToArray(), (a, b) => Math.Abs(a - b) < 1e-3);
        var hits = await c.Collection.SearchAsync(new ReadOnlyMemory<float>(vector), 1).ToListAsync();
        Assert.Equal(record.Id, hits.Single().Record.Id);
    }

    [Fact]
    public async Task Upsert_refuses_an_embedding_of_other_dimensions_and_stores_nothing()
    {
        using var c = await SeededAsync();
        var record = Record("2402.00002", "Iota", "Wrong size.", 9, [], null, null, null, null, []);
        record.Embedding = new float[c.Dimensions + 1];
        var other = Record("2402.00003", "Kappa", "Same batch.", 9, [], null, null, null, null, []);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => c.Collection.UpsertAsync([other, record]));

        Assert.Contains("dimensions", error.Message);
        Assert.Null(await c.Collection.GetAsync(record.Id));
        Assert.Null(await c.Collection.GetAsync(other.Id));
    }

    [Fact]
    public async Task Upsert_with_a_given_embedding_replaces_the_vector_of_a_record_whose_text_did_not_change()
    {
        using var c = await SeededAsync();
        var record = TestData()[2];
        var before = (await c.Collection.GetAsync(record.Id, new RecordRetrievalOptions { IncludeVectors = true }))!.Embedding!.Value.ToArray();
        var vector = Enumerable.Range(0, c.Dimensions).Select(i => i % 3 == 0 ? -0.25f : 0.125f).ToArray();
        Assert.NotEqual(vector, before);
        record.Embedding = vector;

        await c.Collection.UpsertAsync(record);

        var stored = await c.Collection.GetAsync(record.Id, new RecordRetrievalOptions { IncludeVectors = true });
        AssertSameFields(TestData()[2], stored!);
        Assert.Equal(vector, stored!.Embedding!.Value.ToArray(), (a, b) => Math.Abs(a - b) < 1e-3);
        var hits = await c.Collection.SearchAsync(new ReadOnlyMemory<float>(vector), 1).ToListAsync();
        Assert.Equal(record.Id, hits.Single().Record.Id);
    }

    [Fact]
    public async Task Upsert_of_a_batch_keeps_given_embeddings_and_embeds_the_others()
    {
        using var c = await SeededAsync();
        var given = Enumerable.Range(0, c.Dimensions).Select(i => i % 11 == 0 ? 0.3f : 0.01f).ToArray();
        var withVector = Record("2402.00004", "Lambda: Sparse Attention Again", "Transformer layers with sparse attention read long documents.", 9, [], null, null, null, null, []);
        withVector.Embedding = given;
        var without = Record("2402.00005", "Mu: Sparse Attention Once More", "Transformer layers with sparse attention read long documents.", 9, [], null, null, null, null, []);

        await c.Collection.UpsertAsync([withVector, without]);

        var stored = await c.Collection.GetAsync([withVector.Id, without.Id], new RecordRetrievalOptions { IncludeVectors = true }).ToDictionaryAsync(r => r.Id);
        Assert.Equal(given, stored[withVector.Id].Embedding!.Value.ToArray(), (a, b) => Math.Abs(a - b) < 1e-3);
        Assert.Equal(c.Dimensions, stored[without.Id].Embedding!.Value.Length);
        Assert.NotEqual(given, stored[without.Id].Embedding!.Value.ToArray(), (a, b) => Math.Abs(a - b) < 1e-3);
    }

    [Fact]
    public async Task Upsert_with_given_embeddings_makes_no_embedder_call()
    {
        using var c = await CreateCollectionAsync(new ThrowingEmbeddingGenerator(0));
        var records = TestData();
        foreach (var r in records)
            r.Embedding = Enumerable.Range(0, c.Dimensions).Select(i => (i + r.Id.Length) % 9 == 0 ? 0.4f : 0.02f).ToArray();

        await c.Collection.UpsertAsync(records);
        records[0].Embedding = Enumerable.Range(0, c.Dimensions).Select(i => i % 4 == 0 ? 0.5f : -0.05f).ToArray();
        await c.Collection.UpsertAsync(records); // unchanged texts, vectors given again: still no embedder call

        var stored = await c.Collection.GetAsync(records[0].Id, new RecordRetrievalOptions { IncludeVectors = true });
        Assert.Equal(records[0].Embedding!.Value.ToArray(), stored!.Embedding!.Value.ToArray(), (a, b) => Math.Abs(a - b) < 1e-3);
        Assert.Equal(records.Count, await c.Collection.GetAsync(_ => true, 100).CountAsync());
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => c.Collection.UpsertAsync(Record("2402.00008", "Xi", "Needs the embedder.", 9, [], null, null, null, null, [])));
        Assert.Contains("embedder failed", error.Message);
    }

    [Fact]
    public async Task Upsert_names_the_record_and_both_sizes_when_an_embedding_has_other_dimensions()
    {
        using var c = await SeededAsync();
        var record = TestData()[3];
        record.Embedding = new float[c.Dimensions - 1];

        var error = await Assert.ThrowsAsync<ArgumentException>(() => c.Collection.UpsertAsync(record));

        Assert.Equal($"record '{record.Id}': its embedding has {c.Dimensions - 1} dimensions, the store's vectors have {c.Dimensions}", error.Message);
        Assert.Equal(c.Dimensions, (await c.Collection.GetAsync(record.Id, new RecordRetrievalOptions { IncludeVectors = true }))!.Embedding!.Value.Length);
    }

    [Fact]
    public async Task Upsert_of_several_records_with_one_key_keeps_the_last()
    {
        using var c = await SeededAsync();
        var first = Record("2402.00006", "Nu: First Version", "First.", 9, ["Ada Lovelace"], 1, 1, null, null, []);
        var last = Record("2402.00006", "Nu: Last Version", "Last.", 10, [], null, 2, null, null, ["kept"]);

        await c.Collection.UpsertAsync([first, last]);

        AssertSameFields(last, (await c.Collection.GetAsync(last.Id))!);
        Assert.Equal(TestData().Count + 1, await c.Collection.GetAsync(_ => true, 100).CountAsync());
    }

    [Fact]
    public async Task Upsert_by_key_never_merges_into_a_record_with_the_same_title()
    {
        using var c = await SeededAsync();
        var sameTitle = Record("2402.00007", TestData()[1].Title, "Another paper that happens to share the title.", 9, [], null, null, null, null, []);

        await c.Collection.UpsertAsync(sameTitle);

        AssertSameFields(sameTitle, (await c.Collection.GetAsync(sameTitle.Id))!);
        AssertSameFields(TestData()[1], (await c.Collection.GetAsync(TestData()[1].Id))!);
    }

    #endregion

    #region Filters (each compared with LINQ to Objects over the same records)

    [Fact] public Task Equal_with_int() => TestFilterAsync(r => r.Upvotes == 8);
    [Fact] public Task Equal_reversed() => TestFilterAsync(r => 8 == r.Upvotes);
    [Fact] public Task Equal_with_string() => TestFilterAsync(r => r.Title == "Delta: Legged Robot Locomotion");
    [Fact] public Task Equal_with_string_containing_special_characters() => TestFilterAsync(r => r.Title == """with special"characters'and\stuff""");
    [Fact] public Task Equal_with_string_is_case_sensitive() => TestFilterAsync(r => r.Title == "ETA: LOWERCASE MOLECULES", expectEmpty: true);
    [Fact] public Task Equal_with_key() => TestFilterAsync(r => r.Id == "2401.00004");
    [Fact] public Task Equal_with_date() => TestFilterAsync(r => r.Date == Jan.AddDays(3));
    [Fact] public Task Equal_with_published_date() => TestFilterAsync(r => r.Published == Jan.AddDays(2));
    [Fact] public Task Equal_with_null_string() => TestFilterAsync(r => r.Url == null);
    [Fact] public Task Equal_with_null_int() => TestFilterAsync(r => r.Upvotes == null);
    [Fact] public Task Equal_with_null_captured() { string? none = null; return TestFilterAsync(r => r.AiSummary == none); }
    [Fact] public Task NotEqual_with_int_includes_nulls() => TestFilterAsync(r => r.Upvotes != 8);
    [Fact] public Task NotEqual_with_string() => TestFilterAsync(r => r.Url != "https://example.org/gamma");
    [Fact] public Task NotEqual_with_null() => TestFilterAsync(r => r.AiSummary != null);
    [Fact] public Task HasValue() => TestFilterAsync(r => r.Published.HasValue);
    [Fact] public Task GreaterThan_with_int() => TestFilterAsync(r => r.Upvotes > 8);
    [Fact] public Task GreaterThanOrEqual_with_int() => TestFilterAsync(r => r.Upvotes >= 8);
    [Fact] public Task LessThan_with_int() => TestFilterAsync(r => r.AuthorCount < 2);
    [Fact] public Task LessThanOrEqual_with_int() => TestFilterAsync(r => r.AuthorCount <= 2);
    [Fact] public Task LessThan_reversed() => TestFilterAsync(r => 3 > r.Upvotes);
    [Fact] public Task GreaterThan_with_date() => TestFilterAsync(r => r.Date > Jan.AddDays(3));
    [Fact] public Task LessThanOrEqual_with_published_date() => TestFilterAsync(r => r.Published <= Jan.AddDays(3));
    [Fact] public Task Comparison_with_captured_variable() { var min = 5; return TestFilterAsync(r => r.Upvotes >= min); }
    [Fact] public Task And() => TestFilterAsync(r => r.Upvotes == 8 && r.AuthorCount == 1);
    [Fact] public Task Or() => TestFilterAsync(r => r.Upvotes == 8 || r.Url == null);
    [Fact] public Task And_within_Or() => TestFilterAsync(r => (r.Upvotes == 8 && r.AuthorCount == 2) || r.Title == "Delta: Legged Robot Locomotion");
    [Fact] public Task Or_within_And() => TestFilterAsync(r => (r.Upvotes == 8 || r.Upvotes == 21) && r.Date >= Jan.AddDays(2));
    [Fact] public Task Not_over_comparison() => TestFilterAsync(r => !(r.Upvotes > 5));
    [Fact] public Task Not_over_And() => TestFilterAsync(r => !(r.Upvotes == 8 && r.AuthorCount == 1));
    [Fact] public Task Not_over_Or() => TestFilterAsync(r => !(r.Upvotes == 8 || r.Published < Jan.AddDays(3)));
    [Fact] public Task Not_over_Not() => TestFilterAsync(r => !!(r.Upvotes > 5));
    [Fact] public Task Contains_over_list_field() => TestFilterAsync(r => r.Authors.Contains("Ada Lovelace"));
    [Fact] public Task Contains_over_second_list_field() => TestFilterAsync(r => r.AiKeywords.Contains("llm") || r.AiKeywords.Contains("rl"));
    [Fact] public Task Not_over_Contains_over_list_field() => TestFilterAsync(r => !r.Authors.Contains("Ada Lovelace"));
    [Fact] public Task Contains_over_captured_array() { string[] ids = ["2401.00002", "delta-robots", "missing"]; return TestFilterAsync(r => ids.Contains(r.Id)); }
    [Fact] public Task Contains_over_captured_list() { List<int?> votes = [3, 21]; return TestFilterAsync(r => votes.Contains(r.Upvotes)); }
    [Fact] public Task Contains_over_captured_array_with_null() { int?[] votes = [8, null]; return TestFilterAsync(r => votes.Contains(r.Upvotes)); }
    [Fact] public Task Contains_over_captured_array_with_duplicates_matches_no_null() { string?[] summaries = ["Quotes.", "Quotes."]; return TestFilterAsync(r => summaries.Contains(r.AiSummary)); }
    [Fact] public Task Contains_over_empty_captured_array() { string[] none = []; return TestFilterAsync(r => none.Contains(r.Id), expectEmpty: true); }
    [Fact] public Task True() => TestFilterAsync(r => true);
    [Fact] public Task False() => TestFilterAsync(r => false, expectEmpty: true);

    [Fact]
    public async Task Unsupported_filters_throw_NotSupportedException()
    {
        using var c = await SeededAsync();
        Expression<Func<PaperRecord, bool>>[] unsupported =
        [
            r => r.Abstract.Contains("attention"),
            r => r.Title.StartsWith("Alpha"),
            r => r.Upvotes > r.AuthorCount,
            r => r.Authors.Length > 1,
            r => r.Authors.Any(a => a.StartsWith('A')),
            r => r.Embedding != null,
        ];
        foreach (var filter in unsupported)
        {
            await Assert.ThrowsAsync<NotSupportedException>(async () => await c.Collection.GetAsync(filter, 10).ToListAsync());
            await Assert.ThrowsAsync<NotSupportedException>(async () => await c.Collection.SearchAsync("attention", 3, new VectorSearchOptions<PaperRecord> { Filter = filter }).ToListAsync());
        }
    }

    private async Task TestFilterAsync(Expression<Func<PaperRecord, bool>> filter, bool expectEmpty = false)
    {
        var expected = TestData().Where(filter.Compile()).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        if (expectEmpty) Assert.Empty(expected);
        else Assert.True(expected.Count > 0 && expected.Count < TestData().Count || filter.Body is ConstantExpression, $"test data must make '{filter}' select some records, not all");

        using var c = await SeededAsync();
        var actual = await c.Collection.GetAsync(filter, 100).Select(r => r.Id).ToListAsync();
        Assert.Equal(expected, actual.Order(StringComparer.Ordinal));

        // Search honours the same filter: every result passes it.
        var hits = await c.Collection.SearchAsync("attention diffusion speech robots retrieval quantization molecules", 100,
            new VectorSearchOptions<PaperRecord> { Filter = filter }).ToListAsync();
        Assert.All(hits, h => Assert.Contains(h.Record.Id, expected));
    }

    #endregion

    #region Random filters and sorts (each compared with LINQ to Objects)

    private static readonly string[] ScalarFields =
    [
        nameof(PaperRecord.Id), nameof(PaperRecord.Title), nameof(PaperRecord.Abstract), nameof(PaperRecord.Date), nameof(PaperRecord.Published),
        nameof(PaperRecord.AuthorCount), nameof(PaperRecord.Upvotes), nameof(PaperRecord.Url), nameof(PaperRecord.AiSummary),
    ];

    private static readonly string[] ListFields = [nameof(PaperRecord.Authors), nameof(PaperRecord.AiKeywords)];

    /// <summary>
    /// Hundreds of random filters (comparisons, null checks, list and captured-array <c>Contains</c>, nested under
    /// <c>&amp;&amp; || !</c>) with random sort keys and pages: the store returns exactly what LINQ does, in the same order.
    /// </summary>
    [Fact]
    public async Task Random_filters_sorts_and_pages_match_LINQ()
    {
        using var c = await SeededAsync();
        var data = TestData();
        var random = new Random(20240101);
        for (var n = 0; n < 300; n++)
        {
            var r = Expression.Parameter(typeof(PaperRecord), "r");
            var filter = Expression.Lambda<Func<PaperRecord, bool>>(RandomFilter(random, r, data, depth: 3), r);
            var keys = Enumerable.Range(0, random.Next(3)).Select(_ => (Field: ScalarFields[random.Next(ScalarFields.Length)], Ascending: random.Next(2) == 0)).ToList();
            var (skip, top) = (random.Next(4), 1 + random.Next(8));

            // Without sort keys our stores return insertion order (document order), which LINQ over the list keeps.
            IEnumerable<PaperRecord> expected = data.Where(filter.Compile());
            if (keys.Count > 0)
            {
                var ordered = Sort(expected, keys[0].Field, keys[0].Ascending, thenBy: false);
                foreach (var (field, ascending) in keys.Skip(1)) ordered = (IOrderedEnumerable<PaperRecord>)Sort(ordered, field, ascending, thenBy: true);
                expected = ordered;
            }
            var options = new FilteredRecordRetrievalOptions<PaperRecord> { Skip = skip };
            if (keys.Count > 0)
                options.OrderBy = o =>
                {
                    foreach (var (field, ascending) in keys) o = ascending ? o.Ascending(Selector(field)) : o.Descending(Selector(field));
                    return o;
                };
            var actual = await c.Collection.GetAsync(filter, top, options).Select(x => x.Id).ToListAsync();
            var want = expected.Skip(skip).Take(top).Select(x => x.Id).ToList();
            Assert.True(want.SequenceEqual(actual), $"filter {filter}, order [{string.Join(", ", keys)}], skip {skip}, top {top}: expected [{string.Join(", ", want)}], got [{string.Join(", ", actual)}]");
        }
    }

    private static IOrderedEnumerable<PaperRecord> Sort(IEnumerable<PaperRecord> records, string field, bool ascending, bool thenBy)
    {
        var key = Selector(field).Compile();
        // LINQ sorts nulls first and, with this comparer, text ordinally; the sort is stable, as the store's last key (insertion order) is.
        var comparer = Comparer<object?>.Create((a, b) => a is string x && b is string y ? string.CompareOrdinal(x, y) : Comparer<object?>.Default.Compare(a, b));
        return (thenBy, ascending) switch
        {
            (false, true) => records.OrderBy(key, comparer),
            (false, false) => records.OrderByDescending(key, comparer),
            (true, true) => ((IOrderedEnumerable<PaperRecord>)records).ThenBy(key, comparer),
            _ => ((IOrderedEnumerable<PaperRecord>)records).ThenByDescending(key, comparer),
        };
    }

    private static Expression<Func<PaperRecord, object?>> Selector(string field)
    {
        var r = Expression.Parameter(typeof(PaperRecord), "r");
        return Expression.Lambda<Func<PaperRecord, object?>>(Expression.Convert(Expression.Property(r, field), typeof(object)), r);
    }

    private static Expression RandomFilter(Random random, ParameterExpression r, IReadOnlyList<PaperRecord> data, int depth)
    {
        if (depth > 0 && random.Next(3) > 0)
        {
            return random.Next(3) switch
            {
                0 => Expression.AndAlso(RandomFilter(random, r, data, depth - 1), RandomFilter(random, r, data, depth - 1)),
                1 => Expression.OrElse(RandomFilter(random, r, data, depth - 1), RandomFilter(random, r, data, depth - 1)),
                _ => Expression.Not(RandomFilter(random, r, data, depth - 1)),
            };
        }
        if (random.Next(5) == 0)
        {
            // A list field holds a value (one some record has, or one none has).
            var list = ListFields[random.Next(ListFields.Length)];
            var values = data.SelectMany(d => (string[])typeof(PaperRecord).GetProperty(list)!.GetValue(d)!).Append("nobody").ToList();
            return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Expression.Property(r, list), Expression.Constant(values[random.Next(values.Count)]));
        }
        var field = ScalarFields[random.Next(ScalarFields.Length)];
        var property = Expression.Property(r, field);
        var type = property.Type;
        var pool = data.Select(d => typeof(PaperRecord).GetProperty(field)!.GetValue(d)).Append(null).Append(Absent(type)).ToList();
        object? Pick() => pool[random.Next(pool.Count)];
        if (random.Next(5) == 0)
        {
            // A captured array holds the field's value (nulls and values no record has included).
            var items = Enumerable.Range(0, random.Next(4)).Select(_ => Pick()).ToArray();
            var array = Array.CreateInstance(type, items.Length);
            for (var i = 0; i < items.Length; i++) array.SetValue(items[i], i);
            return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [type], Expression.Constant(array), property);
        }
        var value = Expression.Constant(Pick(), type);
        var ordered = type != typeof(string);
        var op = random.Next(ordered ? 6 : 2);
        Expression left = property, right = value;
        if (random.Next(4) == 0) (left, right) = (right, left); // value on the left
        return op switch
        {
            0 => Expression.Equal(left, right),
            1 => Expression.NotEqual(left, right),
            2 => Expression.LessThan(left, right),
            3 => Expression.LessThanOrEqual(left, right),
            4 => Expression.GreaterThan(left, right),
            _ => Expression.GreaterThanOrEqual(left, right),
        };
    }

    /// <summary>A value of the field's type that no test record holds.</summary>
    private static object Absent(Type type) =>
        type == typeof(string) ? "absent" : type == typeof(int?) ? 7 : (object)Jan.AddDays(7);

    #endregion

    #region Filtered get: top, skip, order

    [Fact]
    public async Task Filtered_get_orders_ascending_and_descending_on_a_data_field_then_by_another()
    {
        using var c = await SeededAsync();
        var byUpvotes = await c.Collection.GetAsync(_ => true, 100, new FilteredRecordRetrievalOptions<PaperRecord>
        {
            OrderBy = o => o.Descending(r => r.Upvotes).Ascending(r => r.Title),
        }).Select(r => r.Id).ToListAsync();
        var byDate = await c.Collection.GetAsync(r => r.Date != null, 100, new FilteredRecordRetrievalOptions<PaperRecord>
        {
            OrderBy = o => o.Ascending(r => r.Date).Descending(r => r.Id),
        }).Select(r => r.Id).ToListAsync();
        var byTitle = await c.Collection.GetAsync(_ => true, 100, new FilteredRecordRetrievalOptions<PaperRecord> { OrderBy = o => o.Ascending(r => r.Title) })
            .Select(r => r.Title).ToListAsync();

        Assert.Equal(TestData().OrderByDescending(r => r.Upvotes).ThenBy(r => r.Title, StringComparer.Ordinal).Select(r => r.Id), byUpvotes);
        Assert.Equal(TestData().Where(r => r.Date != null).OrderBy(r => r.Date).ThenByDescending(r => r.Id, StringComparer.Ordinal).Select(r => r.Id), byDate);
        Assert.Equal(TestData().Select(r => r.Title).Order(StringComparer.Ordinal), byTitle);
    }

    [Theory]
    [InlineData(nameof(PaperRecord.Id))]
    [InlineData(nameof(PaperRecord.Title))]
    [InlineData(nameof(PaperRecord.Abstract))]
    [InlineData(nameof(PaperRecord.Date))]
    [InlineData(nameof(PaperRecord.Published))]
    [InlineData(nameof(PaperRecord.AuthorCount))]
    [InlineData(nameof(PaperRecord.Upvotes))]
    [InlineData(nameof(PaperRecord.Url))]
    [InlineData(nameof(PaperRecord.AiSummary))]
    public async Task Filtered_get_sorts_on_every_sortable_field_as_LINQ_does(string field)
    {
        using var c = await SeededAsync();
        var parameter = Expression.Parameter(typeof(PaperRecord), "r");
        var key = Expression.Lambda<Func<PaperRecord, object?>>(Expression.Convert(Expression.Property(parameter, field), typeof(object)), parameter);
        var compiled = key.Compile();
        // LINQ: null first ascending, ordinal text, ties in insertion order (a stable sort, as the store's then-by-document is).
        var comparer = Comparer<object?>.Create((a, b) => a is string x && b is string y ? string.CompareOrdinal(x, y) : Comparer<object?>.Default.Compare(a, b));

        foreach (var ascending in new[] { true, false })
        {
            var actual = await c.Collection.GetAsync(_ => true, 100, new FilteredRecordRetrievalOptions<PaperRecord>
            {
                OrderBy = o => ascending ? o.Ascending(key) : o.Descending(key),
            }).Select(r => r.Id).ToListAsync();
            var expected = ascending ? TestData().OrderBy(compiled, comparer) : TestData().OrderByDescending(compiled, comparer);
            Assert.Equal(expected.Select(r => r.Id), actual);
        }
    }

    [Fact]
    public async Task Filtered_get_pages_with_top_and_skip_in_the_requested_order()
    {
        using var c = await SeededAsync();
        var order = new FilteredRecordRetrievalOptions<PaperRecord> { OrderBy = o => o.Ascending(r => r.Id) };
        var all = TestData().Where(r => r.Upvotes != 0).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();

        var first = await c.Collection.GetAsync(r => r.Upvotes != 0, 3, order).Select(r => r.Id).ToListAsync();
        var second = await c.Collection.GetAsync(r => r.Upvotes != 0, 3, new FilteredRecordRetrievalOptions<PaperRecord> { OrderBy = order.OrderBy, Skip = 3 }).Select(r => r.Id).ToListAsync();
        var past = await c.Collection.GetAsync(r => r.Upvotes != 0, 3, new FilteredRecordRetrievalOptions<PaperRecord> { OrderBy = order.OrderBy, Skip = 100 }).ToListAsync();

        Assert.Equal(all.Take(3), first);
        Assert.Equal(all.Skip(3).Take(3), second);
        Assert.Empty(past);
    }

    [Fact]
    public async Task Filtered_get_refuses_bad_arguments()
    {
        using var c = await SeededAsync();
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await c.Collection.GetAsync(_ => true, 0).ToListAsync());
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await c.Collection.GetAsync(_ => true, 5, new FilteredRecordRetrievalOptions<PaperRecord> { Skip = -1 }).ToListAsync());
        await Assert.ThrowsAsync<NotSupportedException>(async () => await c.Collection.GetAsync(_ => true, 5,
            new FilteredRecordRetrievalOptions<PaperRecord> { OrderBy = o => o.Ascending(r => r.Authors) }).ToListAsync());
    }

    #endregion

    #region Search

    [Fact]
    public async Task Search_results_come_sorted_by_the_score_they_report()
    {
        using var c = await SeededAsync();
        var hits = await c.Collection.SearchAsync("quadruped robot locomotion with reinforcement learning", 5).ToListAsync();

        Assert.Equal("delta-robots", hits[0].Record.Id);
        Assert.All(hits, h => Assert.NotNull(h.Score));
        Assert.Equal(hits.Select(h => h.Score).OrderByDescending(s => s), hits.Select(h => h.Score));
        Assert.All(hits, h => Assert.Null(h.Record.Embedding));
    }

    [Fact]
    public async Task Search_skip_threshold_and_vectors()
    {
        using var c = await SeededAsync();
        const string query = "language models attention retrieval";
        var all = await c.Collection.SearchAsync(query, 4).ToListAsync();
        var skipped = await c.Collection.SearchAsync(query, 3, new VectorSearchOptions<PaperRecord> { Skip = 1 }).ToListAsync();
        var threshold = all[1].Score!.Value;
        var cut = await c.Collection.SearchAsync(query, 8, new VectorSearchOptions<PaperRecord> { ScoreThreshold = threshold }).ToListAsync();
        var withVectors = await c.Collection.SearchAsync(query, 2, new VectorSearchOptions<PaperRecord> { IncludeVectors = true }).ToListAsync();

        Assert.Equal(all.Skip(1).Select(h => h.Record.Id), skipped.Select(h => h.Record.Id));
        Assert.NotEmpty(cut);
        Assert.All(cut, h => Assert.True(h.Score >= threshold));
        Assert.Contains(all[0].Record.Id, cut.Select(h => h.Record.Id));
        Assert.All(withVectors, h => Assert.Equal(c.Dimensions, h.Record.Embedding!.Value.Length));
    }

    [Fact]
    public async Task Search_with_a_filter_on_a_non_date_field_finds_the_matching_record()
    {
        using var c = await SeededAsync();
        var hits = await c.Collection.SearchAsync("quantization of language model weights", 3,
            new VectorSearchOptions<PaperRecord> { Filter = r => r.Authors.Contains("Claude Shannon") && r.Upvotes == null }).ToListAsync();

        Assert.Equal(["2401.00007"], hits.Select(h => h.Record.Id));
    }

    #endregion

    private static void AssertSameFields(PaperRecord expected, PaperRecord actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Abstract, actual.Abstract);
        Assert.Equal(expected.Date, actual.Date);
        Assert.Equal(expected.Published, actual.Published);
        Assert.Equal(expected.Authors, actual.Authors);
        Assert.Equal(expected.AuthorCount, actual.AuthorCount);
        Assert.Equal(expected.Upvotes, actual.Upvotes);
        Assert.Equal(expected.Url, actual.Url);
        Assert.Equal(expected.AiSummary, actual.AiSummary);
        Assert.Equal(expected.AiKeywords, actual.AiKeywords);
    }
}
