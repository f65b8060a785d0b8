using ResearchBot.Papers;
using ResearchBot.Text.Analysis;

namespace ResearchBot.Digest.Clustering;

/// <summary>
/// Deterministic themes for a set of papers, led by the phrases the papers share: each candidate phrase (see
/// <see cref="KeyPhrases"/>) proposes the papers containing it as a group, scored by how close their TF-IDF vectors lie
/// (coherence), how many they are and how specific the phrase is; the best group is taken (its least similar papers
/// left out, at most the maximum size), and the search repeats on the papers left. Papers that fit no theme go to an
/// "Other" group instead of being forced into one. Every theme is named by a phrase all of its papers contain.
/// </summary>
public static class ThemeClusterer
{
    /// <summary>Themes over <paramref name="papers"/>, largest first and "Other" last; every paper is in exactly one.</summary>
    /// <param name="papers">The papers.</param>
    /// <param name="themes">At most this many named themes; null picks about √papers+5, at most 16.</param>
    public static IReadOnlyList<ThemeCluster> Cluster(IReadOnlyList<Paper> papers, int? themes = null)
    {
        var n = papers.Count;
        if (n == 0) return [];
        var vectors = TfIdfVectors.Build(papers).Vectors;
        var surfaces = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var phrases = papers.Select(p => KeyPhrases.Of(p, surfaces)).ToList();
        var minSize = n >= 20 ? 3 : 2;
        var maxSize = Math.Max(4, (int)Math.Ceiling(n * 0.2));
        var maxThemes = Math.Clamp(themes ?? Math.Max((int)Math.Round(Math.Sqrt(n)) + 5, n / 4), 1, 28);

        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in phrases) foreach (var k in p.All) df[k] = df.GetValueOrDefault(k) + 1;
        // A theme forms around papers that are about the phrase (in the title, or said twice), not ones that mention it in passing.
        var about = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
            foreach (var k in phrases[i].Strong)
                if (df[k] < Math.Max(minSize + 1, n * 0.5)) (about.TryGetValue(k, out var l) ? l : about[k] = []).Add(i);
        var strongCandidates = about.Where(kv => kv.Value.Count >= 2 && CanName(kv.Key, kv.Value, phrases, surfaces)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        // A last pass lets papers that mention a phrase (not only those about it) form a theme, so fewer end up in "Other".
        var mentions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
            foreach (var k in phrases[i].All)
                if (df[k] < Math.Max(minSize + 1, n * 0.35) && df[k] >= minSize) (mentions.TryGetValue(k, out var l) ? l : mentions[k] = []).Add(i);
        var mentionCandidates = mentions.Where(kv => kv.Key.Contains(' ') && CanName(kv.Key, kv.Value, phrases, surfaces)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        // A second pass over the papers still left: any nameable phrase (a title word too) two of them share forms a small theme.
        var pairs = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
            foreach (var k in phrases[i].All)
                if (df[k] < Math.Max(minSize + 1, n * 0.35) && df[k] >= 2) (pairs.TryGetValue(k, out var l) ? l : pairs[k] = []).Add(i);
        var anyCandidates = pairs.Where(kv => CanName(kv.Key, kv.Value, phrases, surfaces)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();

        var free = new HashSet<int>(Enumerable.Range(0, n));
        var groups = new List<(string Key, List<int> Members)>();
        foreach (var (candidates, size) in new[] { (strongCandidates, minSize), (strongCandidates, 2), (mentionCandidates, minSize), (mentionCandidates, 2), (anyCandidates, 2) })
        {
            var scored = new Dictionary<string, (int Free, List<int> Members, double Score)>(StringComparer.Ordinal);
            while (groups.Count < maxThemes && free.Count > n * 0.1)
            {
                (string Key, List<int> Members, double Score)? best = null;
                foreach (var (key, aboutIt) in candidates)
                {
                    var freeCount = aboutIt.Count(free.Contains);
                    if (freeCount < size || groups.Any(g => g.Key == key)) continue;
                    if (!scored.TryGetValue(key, out var cached) || cached.Free != freeCount)
                    {
                        var members = Tighten(vectors, aboutIt.Where(free.Contains).ToList(), maxSize);
                        var score = members.Count < size ? 0 : Coherence(vectors, members) * Math.Sqrt(members.Count) * Quality(key, members, phrases, df, n);
                        scored[key] = cached = (freeCount, members, score);
                    }
                    if (cached.Score > 0 && (best is null || cached.Score > best.Value.Score)) best = (key, cached.Members, cached.Score);
                }
                if (best is null) break;
                groups.Add((best.Value.Key, [.. best.Value.Members]));
                free.ExceptWith(best.Value.Members);
            }
        }

        MergeOverlapping(groups, phrases, maxSize, surfaces);

        // Papers left over join the theme they are closest to when they are about as close to it as its members are,
        // as long as at least 60% of its papers still contain its phrase.
        foreach (var (i, group, _) in free
            .Select(i => groups.Select(g => (I: i, Group: g, Fit: TfIdfVectors.Cosine(vectors[i], Centroid(vectors, g.Members)))).OrderByDescending(x => x.Fit).FirstOrDefault())
            .Where(x => x.Group.Members is not null)
            .OrderByDescending(x => x.Fit).ThenBy(x => x.I).ToList())
        {
            var fit = TfIdfVectors.Cosine(vectors[i], Centroid(vectors, group.Members));
            var containing = group.Members.Count(m => phrases[m].All.Contains(group.Key)) + (phrases[i].All.Contains(group.Key) ? 1 : 0);
            if (fit < Coherence(vectors, group.Members) * (phrases[i].All.Contains(group.Key) ? 0.3 : 0.7)) continue;
            if (containing < 0.6 * (group.Members.Count + 1) || group.Members.Count >= maxSize * 1.5) continue;
            group.Members.Add(i);
            free.Remove(i);
        }

        var result = new List<ThemeCluster>();
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, members) in groups.OrderByDescending(g => g.Members.Count).ThenBy(g => g.Members.Min()))
        {
            members.Sort();
            var nameKey = NameKey(key, members, phrases, df, n, usedNames, surfaces);
            usedNames.Add(nameKey);
            var shared = SharedPhrases(nameKey, members, phrases, df, n, surfaces);
            result.Add(new ThemeCluster(members, Surface(nameKey, surfaces), nameKey, shared));
        }
        if (free.Count > 0) result.Add(new ThemeCluster(free.Order().ToList(), null, null, []));
        return result;
    }

    /// <summary>
    /// A single word names a theme only when it is no broad area ("reasoning"), no modifier compound ("test-time") and
    /// is in the titles of at least half of the papers; longer phrases always may.
    /// </summary>
    private static bool CanName(string key, List<int> members, IReadOnlyList<PaperPhrases> phrases, Dictionary<string, Dictionary<string, int>> surfaces) =>
        !KeyPhrases.IsFragment(Surface(key, surfaces)) && (key.Contains(' ') || members.Count >= 3) && (key.Contains(' ') || (!KeyPhrases.IsBroad(key) && !key.Contains('-') && KeyPhrases.IsNounLike(Surface(key, surfaces))
            && members.Count(m => phrases[m].Title.Contains(key)) * 2 >= members.Count));

    /// <summary>Merges themes whose phrases share a specific word ("Test-time compute", "Test-time scaling") when a phrase still names 60% of the union.</summary>
    private static void MergeOverlapping(List<(string Key, List<int> Members)> groups, IReadOnlyList<PaperPhrases> phrases, int maxSize, Dictionary<string, Dictionary<string, int>> surfaces)
    {
        for (var merged = true; merged;)
        {
            merged = false;
            for (var a = 0; a < groups.Count && !merged; a++)
            for (var b = a + 1; b < groups.Count && !merged; b++)
            {
                // Near-identical names ("Inference scaling", "Inference-time scaling") merge even when their words are common.
                var wordsA = groups[a].Key.Split(' ', '-').ToHashSet(StringComparer.Ordinal);
                var wordsB = groups[b].Key.Split(' ', '-').ToHashSet(StringComparer.Ordinal);
                var near = wordsA.IsSubsetOf(wordsB) || wordsB.IsSubsetOf(wordsA);
                var shared = near
                    ? groups[a].Key.Split(' ').Concat(groups[b].Key.Split(' ')).Distinct(StringComparer.Ordinal).ToList()
                    : groups[a].Key.Split(' ').Intersect(groups[b].Key.Split(' ')).Where(s => !KeyPhrases.IsGeneric(s) && !KeyPhrases.IsBroad(s)).ToList();
                if (!shared.Any()) continue;
                var union = groups[a].Members.Concat(groups[b].Members).Distinct().Order().ToList();
                if (union.Count > maxSize * (near ? 2 : 1.5)) continue;
                var key = union.SelectMany(m => phrases[m].All).Distinct(StringComparer.Ordinal)
                    .Select(k => (Key: k, Count: union.Count(m => phrases[m].All.Contains(k))))
                    .Where(x => x.Count >= 0.6 * union.Count && x.Key.Split(' ').Intersect(shared).Any() && CanName(x.Key, union, phrases, surfaces))
                    .OrderByDescending(x => x.Count).ThenByDescending(x => x.Key.Length).ThenBy(x => x.Key, StringComparer.Ordinal)
                    .Select(x => x.Key).FirstOrDefault();
                if (key is null) continue;
                groups[a] = (key, union);
                groups.RemoveAt(b);
                merged = true;
            }
        }
    }

    /// <summary>The theme's name: the most specific phrase at least 60% of its papers contain (the phrase that formed it, or a longer one).</summary>
    private static string NameKey(string key, List<int> members, IReadOnlyList<PaperPhrases> phrases, Dictionary<string, int> df, int n, HashSet<string> used,
        Dictionary<string, Dictionary<string, int>> surfaces)
    {
        var covered = members.SelectMany(m => phrases[m].All).Distinct(StringComparer.Ordinal)
            .Where(k => !used.Contains(k) && df.GetValueOrDefault(k) < Math.Max(3, n * 0.6))
            .Select(k => (Key: k, Coverage: members.Count(m => phrases[m].All.Contains(k)) / (double)members.Count))
            .Where(x => x.Coverage >= 0.6 && CanName(x.Key, members, phrases, surfaces))
            .OrderByDescending(x => x.Coverage * Quality(x.Key, members, phrases, df, n)).ThenBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => x.Key).ToList();
        var chosen = covered.Contains(key) && !used.Contains(key) && Quality(key, members, phrases, df, n) >= covered.Select(k => Quality(k, members, phrases, df, n)).FirstOrDefault() * 0.9
            ? key
            : covered.FirstOrDefault() ?? key;
        // A single word ("Arithmetic") gives way to a phrase around it that names the theme as well ("Low-precision arithmetic").
        if (chosen.Contains(' ')) return chosen;
        return covered.Where(k => k.Contains(' ') && k.Split(' ').Contains(chosen)).OrderByDescending(k => Quality(k, members, phrases, df, n)).FirstOrDefault() ?? chosen;
    }

    private static List<SharedPhrase> SharedPhrases(string nameKey, List<int> members, IReadOnlyList<PaperPhrases> phrases, Dictionary<string, int> df, int n,
        Dictionary<string, Dictionary<string, int>> surfaces)
    {
        var nameStems = nameKey.Split(' ').ToHashSet(StringComparer.Ordinal);
        var picked = new List<SharedPhrase>();
        var pickedStems = new HashSet<string>(nameStems.SelectMany(n => n.Split('-')).Select(w => TextAnalyzer.Default.Stem(w, Stemming.Light)), StringComparer.Ordinal);
        var ranked = members.SelectMany(m => phrases[m].All).Distinct(StringComparer.Ordinal)
            .Where(k => !KeyPhrases.IsBroad(k) && !KeyPhrases.IsFragment(Surface(k, surfaces)) && k.Split(' ').All(s => !nameStems.Contains(s))
                && (k.Contains(' ') || (members.Any(m => phrases[m].Title.Contains(k)) && KeyPhrases.IsNounLike(Surface(k, surfaces)))))
            .Select(k => (Key: k, Count: members.Count(m => phrases[m].All.Contains(k))))
            .Where(x => x.Count >= 2 && x.Count >= 0.4 * members.Count)
            .OrderByDescending(x => x.Count * Specificity(x.Key, df, n) * (1 + 0.3 * (x.Key.Count(c => c == ' '))))
            .ThenBy(x => x.Key, StringComparer.Ordinal);
        foreach (var (k, count) in ranked)
        {
            var stems = k.Split([' ', '-']).Select(w => TextAnalyzer.Default.Stem(w, Stemming.Light)).ToList(); // "long-context" and "long contexts" are one phrase
            if (stems.Any(pickedStems.Contains)) continue;
            picked.Add(new SharedPhrase(Surface(k, surfaces), count));
            pickedStems.UnionWith(stems);
            if (picked.Count == 3) break;
        }
        return picked;
    }

    /// <summary>How good a name the phrase is for these papers: specific, several words, in their titles, not a broad area.</summary>
    private static double Quality(string key, List<int> members, IReadOnlyList<PaperPhrases> phrases, Dictionary<string, int> df, int n)
    {
        var words = key.Count(c => c == ' ') + 1;
        var inTitles = members.Count(m => phrases[m].Title.Contains(key)) / (double)members.Count;
        var single = words == 1 && inTitles < 0.6 ? 0.45 : 1;
        return Specificity(key, df, n) * (1 + 0.5 * Math.Min(words - 1, 2)) * (1 + 0.6 * inTitles) * (KeyPhrases.IsBroad(key) ? 0.55 : 1) * single;
    }

    private static double Specificity(string key, Dictionary<string, int> df, int n) =>
        0.3 + Math.Log((n + 1.0) / df.GetValueOrDefault(key, 1)) / Math.Log(n + 1.0);

    /// <summary>The members closest to their centroid: at most <paramref name="maxSize"/>, none much further than the rest.</summary>
    private static List<int> Tighten(IReadOnlyList<Dictionary<string, double>> vectors, List<int> members, int maxSize)
    {
        var centroid = Centroid(vectors, members);
        var fits = members.Select(m => (M: m, Fit: TfIdfVectors.Cosine(vectors[m], centroid))).OrderByDescending(x => x.Fit).ThenBy(x => x.M).ToList();
        var mean = fits.Average(x => x.Fit);
        return fits.Where(x => x.Fit >= mean * 0.55).Take(maxSize).Select(x => x.M).Order().ToList();
    }

    /// <summary>Mean cosine of the members to their normalized centroid.</summary>
    private static double Coherence(IReadOnlyList<Dictionary<string, double>> vectors, List<int> members)
    {
        var centroid = Centroid(vectors, members);
        return members.Average(m => TfIdfVectors.Cosine(vectors[m], centroid));
    }

    private static Dictionary<string, double> Centroid(IReadOnlyList<Dictionary<string, double>> vectors, List<int> members)
    {
        var sum = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var m in members) foreach (var (t, v) in vectors[m]) sum[t] = sum.GetValueOrDefault(t) + v;
        var norm = Math.Sqrt(sum.Values.Sum(x => x * x));
        return norm == 0 ? sum : sum.ToDictionary(kv => kv.Key, kv => kv.Value / norm, StringComparer.Ordinal);
    }

    /// <summary>The phrase as the papers most often spell it, first letter capitalized ("KV cache compression").</summary>
    private static string Surface(string key, Dictionary<string, Dictionary<string, int>> surfaces)
    {
        var form = surfaces.TryGetValue(key, out var forms)
            ? forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key.Any(char.IsUpper) ? 1 : 0).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key
            : key;
        var first = form.Split(' ')[0];
        return first.Skip(1).Any(char.IsUpper) || char.IsUpper(form[0]) ? form : char.ToUpperInvariant(form[0]) + form[1..];
    }
}
