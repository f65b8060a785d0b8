using ResearchBot.Papers;

namespace ResearchBot.Digest.Clustering;

/// <summary>
/// Deterministic themes for a day's papers: spherical k-means over TF-IDF vectors, seeded farthest-first from the
/// most central paper, singletons folded into their nearest theme; each theme named by its most distinctive words.
/// </summary>
public static class ThemeClusterer
{
    /// <summary>Themes over <paramref name="papers"/>, largest first; every paper is in exactly one.</summary>
    public static IReadOnlyList<ThemeCluster> Cluster(IReadOnlyList<Paper> papers, int? themes = null)
    {
        if (papers.Count == 0) return [];
        var tfidf = TfIdfVectors.Build(papers);
        var vectors = tfidf.Vectors;
        var k = Math.Clamp(themes ?? (int)Math.Round(Math.Sqrt(papers.Count / 1.5)), 1, Math.Min(10, papers.Count));
        var assignment = KMeans(vectors, k);
        FoldSingletons(vectors, assignment, k);
        var groups = Enumerable.Range(0, papers.Count).GroupBy(i => assignment[i])
            .Select(g => g.ToList())
            .OrderByDescending(g => g.Count).ThenBy(g => g[0])
            .ToList();
        var global = Mean(vectors, Enumerable.Range(0, papers.Count).ToList());
        // Names: each theme's most distinctive words, preferring words no larger theme already uses, so names differ.
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ThemeCluster>();
        foreach (var g in groups)
        {
            var ranked = RankedTerms(vectors, g, global, tfidf.Surface, groups.Count == 1);
            var name = ranked.Where(t => !used.Contains(t)).Take(3).ToList();
            if (name.Count < 3) name.AddRange(ranked.Where(t => !name.Contains(t)).Take(3 - name.Count));
            used.UnionWith(name);
            result.Add(new ThemeCluster(g, name));
        }
        return result;
    }

    private static int[] KMeans(IReadOnlyList<Dictionary<string, double>> vectors, int k)
    {
        var n = vectors.Count;
        var all = Enumerable.Range(0, n).ToList();
        // Seeds: dense papers (close to their nearest neighbours) that are far from the seeds chosen so far, so seeds sit
        // in the middle of topics rather than on outliers.
        var density = all.Select(i => all.Where(j => j != i).Select(j => TfIdfVectors.Cosine(vectors[i], vectors[j]))
            .OrderDescending().Take(Math.Min(5, n - 1)).DefaultIfEmpty(0).Average()).ToArray();
        var seeds = new List<int> { all.OrderByDescending(i => density[i]).ThenBy(i => i).First() };
        while (seeds.Count < k)
            seeds.Add(all.Where(i => !seeds.Contains(i))
                .OrderByDescending(i => density[i] * (1 - seeds.Max(s => TfIdfVectors.Cosine(vectors[i], vectors[s])))).ThenBy(i => i).First());
        var centroids = seeds.Select(s => vectors[s]).ToList();
        var assignment = new int[n];
        for (var iteration = 0; iteration < 25; iteration++)
        {
            var changed = false;
            for (var i = 0; i < n; i++)
            {
                var best = Enumerable.Range(0, k).OrderByDescending(c => TfIdfVectors.Cosine(vectors[i], centroids[c])).ThenBy(c => c).First();
                if (best != assignment[i] || iteration == 0) { changed |= best != assignment[i]; assignment[i] = best; }
            }
            for (var c = 0; c < k; c++)
            {
                var members = all.Where(i => assignment[i] == c).ToList();
                if (members.Count > 0) centroids[c] = Normalize(Mean(vectors, members));
            }
            if (!changed && iteration > 0) break;
        }
        return assignment;
    }

    private static void FoldSingletons(IReadOnlyList<Dictionary<string, double>> vectors, int[] assignment, int k)
    {
        if (vectors.Count < 6) return;
        for (var pass = 0; pass < 2; pass++)
        {
            var sizes = Enumerable.Range(0, k).ToDictionary(c => c, c => assignment.Count(a => a == c));
            for (var i = 0; i < assignment.Length; i++)
            {
                if (sizes[assignment[i]] != 1) continue;
                var others = Enumerable.Range(0, k).Where(c => c != assignment[i] && sizes[c] > 1).ToList();
                if (others.Count == 0) continue;
                var target = others.OrderByDescending(c => Enumerable.Range(0, assignment.Length).Where(j => assignment[j] == c)
                    .Average(j => TfIdfVectors.Cosine(vectors[i], vectors[j]))).ThenBy(c => c).First();
                sizes[assignment[i]]--;
                assignment[i] = target;
                sizes[target]++;
            }
        }
    }

    private static IReadOnlyList<string> RankedTerms(IReadOnlyList<Dictionary<string, double>> vectors, List<int> members,
        Dictionary<string, double> global, IReadOnlyDictionary<string, string> surface, bool only)
    {
        var mean = Mean(vectors, members);
        var coverage = mean.Keys.ToDictionary(t => t, t => members.Count(m => vectors[m].ContainsKey(t)) / (double)members.Count);
        return mean
            .Select(kv => (Term: kv.Key, Weight: (only ? kv.Value : kv.Value - 0.5 * global.GetValueOrDefault(kv.Key)) * (0.5 + coverage[kv.Key])))
            .OrderByDescending(x => x.Weight).ThenBy(x => x.Term, StringComparer.Ordinal)
            .Select(x => surface.GetValueOrDefault(x.Term, x.Term))
            .Distinct(StringComparer.Ordinal)
            .Take(12)
            .ToList();
    }

    private static Dictionary<string, double> Mean(IReadOnlyList<Dictionary<string, double>> vectors, List<int> members)
    {
        var sum = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var m in members) foreach (var (t, v) in vectors[m]) sum[t] = sum.GetValueOrDefault(t) + v / members.Count;
        return sum;
    }

    private static Dictionary<string, double> Normalize(Dictionary<string, double> v)
    {
        var norm = Math.Sqrt(v.Values.Sum(x => x * x));
        return norm == 0 ? v : v.ToDictionary(kv => kv.Key, kv => kv.Value / norm, StringComparer.Ordinal);
    }
}
