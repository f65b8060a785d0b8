using System.Text.RegularExpressions;
using ResearchBot.Answering.Text;

namespace ResearchBot.Text.SentenceRoles;

/// <summary>
/// Tags the sentences of an abstract as background, method, result or release notice from cue phrases and position:
/// a release cue (code/data "available", a link) wins; then result cues ("results show", "outperforms", "achieves
/// 41%"); then the paper's own voice ("we propose", "our method", "this paper"); then background cues ("existing",
/// "however", "remains challenging"). A sentence without cues is background before the paper's first method
/// sentence and method (or result, when it states a figure) after it; a result cue counts only in the paper's own
/// voice or after its first method sentence ("Recent models achieve 90%" is background). Deterministic, no model.
/// </summary>
public static partial class SentenceRoleTagger
{
    /// <summary>
    /// The sentences of <paramref name="abstractText"/>, tagged. With the paper's <paramref name="title"/>, a
    /// sentence that opens with the paper's short name ("MiniCache merges …") counts as the paper's own voice.
    /// </summary>
    public static IReadOnlyList<TaggedSentence> Tag(string abstractText, string? title = null) =>
        Tag(Sentences.Split(abstractText ?? ""), title);

    /// <summary>Tags sentences already split (in abstract order); see <see cref="Tag(string, string?)"/>.</summary>
    public static IReadOnlyList<TaggedSentence> Tag(IReadOnlyList<string> sentences, string? title = null)
    {
        var result = new List<TaggedSentence>(sentences.Count);
        var seenOwnWork = false;
        var name = ShortName(title);
        for (var i = 0; i < sentences.Count; i++)
        {
            var text = sentences[i];
            var role = RoleOf(text, seenOwnWork, name);
            if (role is SentenceRole.Method or SentenceRole.Result) seenOwnWork = true;
            result.Add(new TaggedSentence(i, text, role, HasFigure(text)));
        }
        return result;
    }

    /// <summary>True when <paramref name="sentence"/> states a figure (41%, 2.4x, 3 times, 12 GB, +5 points).</summary>
    public static bool HasFigure(string sentence) => Figure().IsMatch(sentence);

    /// <summary>The paper's short name: the part of the title before a colon when it is one or two words ("MiniCache").</summary>
    internal static string? ShortName(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var colon = title.IndexOf(':');
        if (colon <= 0) return null;
        var name = title[..colon].Trim();
        return name.Length >= 2 && name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2 ? name : null;
    }

    private static SentenceRole RoleOf(string text, bool afterOwnWork, string? name)
    {
        if (IsRelease(text)) return SentenceRole.ReleaseNotice;
        var named = name is not null && text.StartsWith(name, StringComparison.OrdinalIgnoreCase);
        var own = named || OwnVoice().IsMatch(text);
        if (own && ContributionSentences.IsProposal(text)) return SentenceRole.Method;
        var background = BackgroundCue().IsMatch(text);
        var reported = StrongResult().IsMatch(text) && !(background && !own);
        if (reported || (ResultCue().IsMatch(text) && (own || afterOwnWork))) return SentenceRole.Result;
        if (background && !own) return SentenceRole.Background;
        if (MethodCue().IsMatch(text)) return SentenceRole.Method;
        if (!afterOwnWork) return own ? SentenceRole.Method : SentenceRole.Background;
        if (HasFigure(text)) return SentenceRole.Result;
        return text.Length < 20 && !own ? SentenceRole.Other : SentenceRole.Method;
    }

    /// <summary>A release cue outside any link (a link alone inside a finding does not make it a notice).</summary>
    private static bool IsRelease(string text)
    {
        if (!Link().IsMatch(text)) return Release().IsMatch(text);
        var rest = Link().Replace(text, " ");
        return Release().IsMatch(rest) || ReleaseWord().IsMatch(rest);
    }

    [GeneratedRegex(@"(?:https?://|www\.)\S+|\S+\.github\.io\S*|github\.com/\S+|huggingface\.co/\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"\b(?:code|codes|implementation|repository|repo|project page|website|data|dataset|models?|weights|checkpoints|benchmark|available|released?|open[- ]?sourced?|accessed|found|see|visit|demo)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReleaseWord();

    // Code, data, weights or a project page published.
    [GeneratedRegex(@"\b(?:code|codes|data|dataset|datasets|models?|weights|checkpoints|benchmark|implementation|demo|project page|resources|artifacts)\b[^.]{0,80}\b(?:is|are|will be|has been|have been|been made)\s+(?:publicly\s+|openly\s+|freely\s+)?(?:available|released|open[- ]?sourced|accessible)|\b(?:publicly|openly|freely) (?:available|release[sd]?)\b|\bwe (?:will )?(?:release|open[- ]?source|make)\b[^.]{0,60}\b(?:code|weights?|checkpoints?|publicly|available|open[- ]source)\b|\bavailable (?:at|on|from|via)\s+(?:https?|github|huggingface|www|our|the project)|\bopen-sourced\b", RegexOptions.IgnoreCase)]
    private static partial Regex Release();

    // The paper speaking of itself.
    [GeneratedRegex(@"\b(?:we|our|ours|us)\b|\bthis (?:paper|work|study|report|article|technical report)\b|\b(?:the |our )?proposed\b|\bhere,? we\b", RegexOptions.IgnoreCase)]
    private static partial Regex OwnVoice();

    // "Experiments show …", "Our results reveal …": a finding reported as such.
    [GeneratedRegex(@"\b(?:results?|experiments?|evaluations?|analys[ie]s|ablations?|studies|study|findings|benchmarks?|tests?|investigation|observations?)\s+(?:\w+\s+){0,4}?(?:show|shows|showed|demonstrate|demonstrates|demonstrated|indicate|indicates|reveal|reveals|confirm|confirms|suggest|suggests|highlight|highlights|verify|verifies|validate|validates)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StrongResult();

    // What was found or measured.
    [GeneratedRegex(@"\b(?:results?|experiments?|evaluations?|analys[ie]s|ablations?|studies|study|findings|benchmarks?|tests?|investigation|observations?)\s+(?:\w+\s+){0,4}?(?:show|shows|showed|demonstrate|demonstrates|demonstrated|indicate|indicates|reveal|reveals|confirm|confirms|suggest|suggests|highlight|highlights|verify|verifies|validate|validates)\b|\bwe (?:\w+\s+){0,2}?(?:show|demonstrate|find|found|observe|observed|obtain|achieve|report|confirm|verify)\b|\b(?:outperform|outperforms|outperformed|outperforming|surpass|surpasses|surpassing|beats|exceeds|exceeding|matches|matching|rivals)\b|\b(?:achieve|achieves|achieved|achieving|attain|attains|yield|yields|yielding|deliver|delivers|obtain|obtains|reach|reaches|reaching|improve|improves|improving|reduce|reduces|reducing|cut|cuts|boost|boosts|accelerate|accelerates|speed(?:s)? up|lower|lowers|save|saves|decrease|decreases|increase|increases)\b[^.]{0,120}?(?:\d|state-of-the-art|sota|competitive|comparable|significant|substantial|superior|better|faster|strong|robust|consistent|new\s+record)|\bstate-of-the-art (?:results|performance|accuracy)\b|\b(?:speedup|speed-up)\b|\bup to \d|\bempirical(?:ly)?\b|\bextensive experiments\b|\bon (?:\w+\s+){0,3}benchmarks?\b[^.]{0,60}\b(?:our|it|the model)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ResultCue();

    // The paper's own method or contribution.
    [GeneratedRegex(@"\b(?:we|this (?:paper|work|study|report)|in this (?:paper|work|study),? we|here,? we)\s+(?:\w+\s+){0,2}?(?:propose|proposes|introduce|introduces|present|presents|develop|develops|design|designs|build|builds|describe|describes|unveil|unveils|formulate|formulates|devise|devises|construct|constructs|curate|curates|collect|collects|train|trains|release|releases|leverage|leverages|use|uses|employ|employs|adopt|adopts|apply|applies|explore|explores|study|studies|investigate|investigates|analyze|analyzes|analyse|examine|examines|extend|extends|address|addresses|tackle|tackles|focus|focuses|offer|offers|provide|provides|revisit|revisits|theoretically|first|then|further|also|additionally|incorporate|incorporates|implement|implements|create|creates|model|define|derive|frame|cast|reformulate|identify|establish|pretrain|fine-tune|finetune|scale|demonstrate how)\b|\b(?:our|the proposed)\s+(?:\w+\s+){0,2}?(?:method|approach|framework|model|system|algorithm|technique|pipeline|architecture|design|strategy|scheme|idea|key insight|insight|recipe|dataset|benchmark)\b|\bto (?:address|tackle|overcome|solve|mitigate|bridge|fill|close|alleviate|remedy|resolve) (?:this|these|that|those|the above|such)\b|^(?:Specifically|Concretely|In particular|To this end|To do so|Our key)\b|\b(?:dubbed|named|called)\s+[A-Z]", RegexOptions.IgnoreCase)]
    private static partial Regex MethodCue();

    // The field, prior work, the problem.
    [GeneratedRegex(@"^(?:However|Although|Though|While|Despite|Yet|Nevertheless|Unfortunately|Recently|Recent|Currently|Current|Existing|Prior|Previous|Traditional|Conventional|Most|Many|Typically|Historically|Over the past|In recent years|With the|As)\b|\b(?:existing|prior|previous|conventional|traditional|current|recent|state-of-the-art|popular|mainstream|standard)\s+(?:\w+\s+){0,3}?(?:methods?|approaches|works?|models|systems|techniques|studies|solutions|frameworks|benchmarks|research|literature)\b|\b(?:remains?|remained|still|is|are) (?:a |an )?(?:\w+ )?(?:challenge|challenging|difficult|open|unclear|underexplored|unexplored|limited|costly|expensive|prohibitive|bottleneck|problem|issue)\b|\b(?:suffer|suffers|struggle|struggles|fail|fails|face|faces|hinder|hinders|limit|limits|plagued|bottlenecks?|lack|lacks)\b|\b(?:has|have) (?:\w+ )?(?:become|emerged|shown|gained|attracted|achieved|demonstrated|made|seen|revolutionized|transformed|garnered|received|drawn)\b|\bwidely\b|\bincreasingly\b", RegexOptions.IgnoreCase)]
    private static partial Regex BackgroundCue();

    // 41%, 2.4x, 2.4×, 3 times, 10-fold, 12 GB, 5 points, 1.5 BLEU, 200 ms, 3.2 tokens/s.
    [GeneratedRegex(@"\d(?:[\d,.]*\d)?\s*(?:%|×|x\b|X\b|-?fold\b|\s?times\b|\s?(?:GB|MB|TB|KB|GiB|ms|s\b|seconds|hours|minutes|points?|pp\b|BLEU|FLOPs?|tokens/s|tok/s))|\bpercent\b|\border of magnitude\b", RegexOptions.None)]
    private static partial Regex Figure();
}
