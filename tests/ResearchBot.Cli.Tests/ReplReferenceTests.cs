using System.Text.RegularExpressions;

namespace ResearchBot.Cli.Tests;

/// <summary>
/// "[2]", "the second one", "/paper 1" and the like in the piped REPL over the sample corpus: each follow-up is answered
/// from exactly the papers of the last numbered list, under the numbers that list showed.
/// </summary>
public sealed partial class ReplReferenceTests : IDisposable
{
    private const string Question = "Which papers study KV cache compression?";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Every_reference_form_is_answered_from_exactly_the_papers_it_names_in_the_last_answer()
    {
        var first = SourceBlocks((await _cli.RunAsync([], Question + "\n")).Out).Single();
        Assert.True(first.Count >= 3, "the question should cite at least three papers");
        var last = first.Keys.Max();
        var shortName = first.Values.Select(t => t.Split(':')[0]).First(n => n.Length >= 4 && !n.Contains(' '));
        var named = first.Single(kv => kv.Value.StartsWith(shortName + ":", StringComparison.Ordinal)).Key;
        (string Line, int[] Numbers)[] followUps =
        [
            ("tell me more about [2]", [2]),
            ("compare [1] and [3]", [1, 3]),
            ("what do [1-3] propose?", [1, 2, 3]),
            ("tell me more about the second one", [2]),
            ("what does the last one report?", [last]),
            ("what about paper 2?", [2]),
            ("summarize source 3", [3]),
            ($"what is the memory cost of the {shortName} paper?", [named]),
            ("how do both differ?", [1, 2]),
            ("compare them", [.. first.Keys.Order()]),
        ];

        var result = await _cli.RunAsync([], string.Join('\n', [Question, .. followUps.Select(f => f.Line)]) + "\n");

        Assert.Equal(0, result.ExitCode);
        var blocks = SourceBlocks(result.Out);
        Assert.Equal(followUps.Length + 1, blocks.Count);
        Assert.Equal(first, blocks[0]);
        for (var i = 0; i < followUps.Length; i++)
        {
            var expected = followUps[i].Numbers.ToDictionary(n => n, n => first[n]);
            Assert.True(expected.OrderBy(kv => kv.Key).SequenceEqual(blocks[i + 1].OrderBy(kv => kv.Key)),
                $"'{followUps[i].Line}' listed {string.Join("; ", blocks[i + 1].Select(kv => $"[{kv.Key}] {kv.Value}"))}");
        }
        var answeredAs = AnsweredAs().Matches(result.Out).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(followUps.Length, answeredAs.Count);
        Assert.Contains($"\"{first[2]}\"", answeredAs[0]);
        Assert.Contains($"compare \"{first[1]}\" and \"{first[3]}\"", answeredAs[1]);
    }

    [Fact]
    public async Task Their_after_a_comparison_means_the_compared_papers_and_the_answered_as_line_reads_as_a_question()
    {
        var result = await _cli.RunAsync([], $"{Question}\ncompare [1] and [3]\nwhat about their memory cost?\nand how fast are they?\n");

        Assert.Equal(0, result.ExitCode);
        var blocks = SourceBlocks(result.Out);
        Assert.Equal(4, blocks.Count);
        var first = blocks[0];
        var compared = new Dictionary<int, string> { [1] = first[1], [3] = first[3] };
        Assert.Equal(compared.OrderBy(kv => kv.Key), blocks[2].OrderBy(kv => kv.Key));
        Assert.Equal(compared.OrderBy(kv => kv.Key), blocks[3].OrderBy(kv => kv.Key));
        var answeredAs = AnsweredAs().Matches(result.Out).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, answeredAs.Count);
        Assert.Equal($"what about the memory cost of \"{first[1]}\" and \"{first[3]}\"?", answeredAs[1]);
        Assert.Equal($"and how fast are \"{first[1]}\" and \"{first[3]}\"?", answeredAs[2]);
        Assert.DoesNotContain(answeredAs, a => a.Contains(" of compare", StringComparison.Ordinal));
        // Each paper is answered on the aspect: its sentence with the figure on memory.
        var memory = Answers(result.Out)[2];
        Assert.Matches(@"^- [^\n]*\d+(?:\.\d+)?\s*%[^\n]*\[1\]$", memory.Split('\n')[0]);
    }

    [Fact]
    public async Task Referenced_answers_quote_no_background_and_no_dangling_opening()
    {
        var result = await _cli.RunAsync([], $"{Question}\ntell me more about [2]\ncompare [1] and [3]\nwhat do [1-3] propose?\ntell me more about the last one\n");

        var answers = Answers(result.Out).Skip(1).ToList();
        Assert.Equal(4, answers.Count);
        foreach (var answer in answers)
        {
            var quoted = answer.Split('\n').Select(QuotedPart).Where(q => q.Length > 0).ToList();
            Assert.NotEmpty(quoted);
            foreach (var sentence in quoted)
                Assert.DoesNotMatch(@"^(?:In this (?:paper|work|study)|Therefore|Thus|Hence|To (?:address|overcome|tackle) [^,]*|However|Existing|Previous|Prior|Recent(?:ly)?|Despite|Although|While|Furthermore|Moreover|Additionally)\b", sentence);
        }
        Assert.DoesNotContain("Code is available", result.Out);
    }

    [Fact]
    public async Task A_number_that_does_not_exist_is_said_plainly_and_the_list_stays()
    {
        var result = await _cli.RunAsync([], $"{Question}\nthere is [9]\ntell me more about [1]\n");

        var first = SourceBlocks(result.Out)[0];
        Assert.Contains($"There is no [9]; the last answer listed [1]–[{first.Count}].", result.Out);
        Assert.Equal(first[1], SourceBlocks(result.Out)[1][1]);
        Assert.DoesNotContain(result.ErrorLines, l => l.StartsWith("error:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Before_any_list_a_number_is_not_guessed()
    {
        var result = await _cli.RunAsync([], "tell me more about [2]\n");

        Assert.Contains("There is no [2]: no numbered list has been shown yet", result.Out);
        Assert.DoesNotContain("Sources:", result.Out);
    }

    [Fact]
    public async Task After_search_numbers_and_paper_n_mean_the_search_results()
    {
        var jsonl = _cli.Write("arxiv.jsonl",
            """{"id":"2405.14366","title":"MiniCache: KV Cache Compression in Depth Dimension for Large Language Models","abstract":"We present MiniCache, which merges KV cache states across adjacent layers. It reduces the memory footprint by 41%.","published":"2024-05-23"}""");
        Assert.Equal(0, (await _cli.RunAsync([], "")).ExitCode); // loads the sample corpus
        Assert.Equal(0, (await _cli.RunAsync("ingest", jsonl)).ExitCode); // MiniCache gains its arXiv id
        var input = string.Join('\n',
            Question,
            "/search ThinK key cache pruning",
            "/paper 1",
            "tell me more about [2]",
            "there is [11]",
            "/paper 11",
            "/paper MiniCache",
            "/paper 2405.14366",
            "/paper https://arxiv.org/abs/2405.14366v2",
            "/paper ScatterFormer") + "\n";

        var result = await _cli.RunAsync([], input);

        var rows = SearchRow().Matches(result.Out).Select(m => (N: int.Parse(m.Groups[1].Value), Title: m.Groups[2].Value.Trim())).ToList();
        Assert.Equal(Enumerable.Range(1, rows.Count), rows.Select(r => r.N));
        var afterSearch = result.Out[result.Out.LastIndexOf('╯')..].ReplaceLineEndings("\n");
        var opened = afterSearch.Split('\n').Skip(1).Where(l => l.Length > 0 && !l.Contains(" of ", StringComparison.Ordinal)).First();
        Assert.Equal(rows[0].Title, opened);
        Assert.Equal(rows[1].Title, SourceBlocks(result.Out)[1][2]);
        Assert.Contains($"There is no [11]; the last search listed [1]–[{rows.Count}].", result.Out);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("error: /paper 11: there is no [11]; the last search listed", StringComparison.Ordinal));
        Assert.Equal(3, Regex.Matches(result.Out, "^MiniCache: KV Cache Compression in Depth Dimension for Large Language Models$", RegexOptions.Multiline).Count);
        Assert.Contains("https://arxiv.org/abs/2405.14366", result.Out);
        Assert.Contains("ScatterFormer", afterSearch);
    }

    [Fact]
    public async Task Sources_are_numbered_one_to_k_in_the_order_first_cited_and_sources_lists_the_uncited_after_them()
    {
        var result = await _cli.RunAsync([], $"{Question}\n/sources\nsparse attention for long context\n");

        var output = result.Out.ReplaceLineEndings("\n");
        foreach (var answer in output.Split("\nSources:\n").SkipLast(1).Select(a => a[(a.LastIndexOf("\n\n", StringComparison.Ordinal) + 1)..]))
        {
            var order = Regex.Matches(answer, @"\[(\d+(?:, \d+)*)\]").SelectMany(m => m.Groups[1].Value.Split(", ")).Select(int.Parse).Distinct().ToList();
            Assert.Equal(Enumerable.Range(1, order.Count), order);
        }
        var all = output[output.IndexOf("Sources of the last answer (cited: ", StringComparison.Ordinal)..];
        var cited = Regex.Match(all, @"cited: ([^)]*)\)").Groups[1].Value.Split(", ").Length;
        Assert.Equal(string.Join(", ", Enumerable.Range(1, cited).Select(n => $"[{n}]")), Regex.Match(all, @"cited: ([^)]*)\)").Groups[1].Value);
        var listed = Regex.Matches(all[..all.IndexOf("\n\n", StringComparison.Ordinal)], @"^\[(\d+)\]", RegexOptions.Multiline).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.True(listed.Count > cited, "the uncited sources follow the cited ones");
        Assert.Equal(Enumerable.Range(1, listed.Count), listed);
    }

    [Fact]
    public async Task Every_source_shows_a_link_a_person_can_open()
    {
        var jsonl = _cli.Write("arxiv.jsonl",
            """{"id":"2405.14366","title":"MiniCache: KV Cache Compression in Depth Dimension for Large Language Models","abstract":"We present MiniCache, which merges KV cache states across adjacent layers to compress the KV cache. It reduces the memory footprint by 41%.","published":"2024-05-23"}""");
        Assert.Equal(0, (await _cli.RunAsync([], "")).ExitCode); // loads the sample corpus
        Assert.Equal(0, (await _cli.RunAsync("ingest", jsonl)).ExitCode); // MiniCache gains its arXiv id

        var result = await _cli.RunAsync([], $"{Question}\n/sources\n");

        var lines = SourceLine().Matches(result.Out).ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var url = line.Groups["url"].Value;
            Assert.True(url.StartsWith("https://arxiv.org/abs/", StringComparison.Ordinal) || url == "https://huggingface.co/papers?q=" + Uri.EscapeDataString(line.Groups["title"].Value), line.Value);
        }
        Assert.Contains(lines, l => l.Groups["url"].Value == "https://arxiv.org/abs/2405.14366");
    }

    /// <summary>The answers' texts (what precedes each "Sources:" block, after the previous block and the answered-as line).</summary>
    private static List<string> Answers(string output)
    {
        var parts = output.ReplaceLineEndings("\n").Split("\nSources:\n");
        var answers = new List<string>();
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var part = parts[i];
            if (i > 0) part = part[(part.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
            var lines = part.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("(answered as:", StringComparison.Ordinal)
                && !l.StartsWith("No language model is configured", StringComparison.Ordinal) && !l.StartsWith("the store was empty", StringComparison.Ordinal));
            answers.Add(string.Join('\n', lines));
        }
        return answers;
    }

    /// <summary>The abstract sentence a line of a referenced answer quotes ("- MiniCache: …", "  Proposes: …"), without its [n]; empty for headings and titles.</summary>
    private static string QuotedPart(string line)
    {
        var m = Regex.Match(line, @"^(?:- [^:]+: |\s+(?:Proposes|Reports): )(?<s>.+?) \[\d+\]$");
        return m.Success ? m.Groups["s"].Value : "";
    }

    /// <summary>The "Sources:" blocks under the answers, each as number → title.</summary>
    private static List<Dictionary<int, string>> SourceBlocks(string output)
    {
        var blocks = new List<Dictionary<int, string>>();
        foreach (var part in output.ReplaceLineEndings("\n").Split("\nSources:\n").Skip(1))
        {
            var block = new Dictionary<int, string>();
            foreach (var line in part.Split('\n').TakeWhile(l => l.Length > 0))
                if (SourceLine().Match(line) is { Success: true } m) block[int.Parse(m.Groups["n"].Value)] = m.Groups["title"].Value;
            blocks.Add(block);
        }
        return blocks;
    }

    [GeneratedRegex(@"^\[(?<n>\d+)\] (?<title>.+?)(?: \(\d{4}-\d{2}-\d{2}\))? (?<url>https://\S+)$", RegexOptions.Multiline)]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"^\(answered as: (.*)\)$", RegexOptions.Multiline)]
    private static partial Regex AnsweredAs();

    [GeneratedRegex(@"^│\s+(\d+) │[^│]*│[^│]*│ (.*?)\s*│[^│]*│$", RegexOptions.Multiline)]
    private static partial Regex SearchRow();
}
