using System.Text.RegularExpressions;
using ResearchBot.Answering.Text;

namespace ResearchBot.Digest;

/// <summary>What a sentence of an abstract does for the paper.</summary>
internal enum AbstractRole { Background, Method, Result, ReleaseNotice, Other }

/// <summary>A sentence of an abstract with its role; <see cref="Proposal"/> when it proposes or introduces something.</summary>
internal sealed record AbstractSentence(int Index, string Text, AbstractRole Role, bool HasFigure, bool Proposal);

/// <summary>Tags abstract sentences with their role by cue words (a release notice, the paper's own method or result, background).</summary>
internal static partial class AbstractRoles
{
    public static IReadOnlyList<AbstractSentence> Tag(string abstractText)
    {
        var sentences = Sentences.Split(abstractText);
        var result = new List<AbstractSentence>();
        var seenOwn = false;
        for (var i = 0; i < sentences.Count; i++)
        {
            var s = sentences[i];
            var figure = HasFigure(s);
            var proposal = Proposal().IsMatch(s);
            AbstractRole role;
            if (Release().IsMatch(s)) role = AbstractRole.ReleaseNotice;
            else if (proposal || Method().IsMatch(s)) role = AbstractRole.Method;
            else if (ResultCue().IsMatch(s) && (seenOwn || figure || i > 0)) role = AbstractRole.Result;
            else if (!seenOwn && (Background().IsMatch(s) || i == 0)) role = AbstractRole.Background;
            else role = AbstractRole.Other;
            if (role is AbstractRole.Method or AbstractRole.Result) seenOwn = true;
            if (s.Length < 25 && role != AbstractRole.ReleaseNotice) role = AbstractRole.Other;
            result.Add(new AbstractSentence(i, s, role, figure, proposal));
        }
        return result;
    }

    /// <summary>True when the text states a figure: a percentage, a factor ("2.4x", "3×"), or "N points/times".</summary>
    public static bool HasFigure(string text) => Figure().IsMatch(text);

    [GeneratedRegex(@"\d(?:[\d.,]*\d)?\s?(?:%|×|x\b|-fold|\s?times\b|\s?points\b|\s?pp\b|\s?percent)", RegexOptions.IgnoreCase)]
    private static partial Regex Figure();

    [GeneratedRegex(@"https?://|github\.com|huggingface\.co|\b(?:code|data|dataset|datasets|models?|weights|checkpoints|benchmark|implementation|demo|project page|resources)\b[^.]{0,80}\b(?:is|are|will be|has been|have been)\s+(?:made\s+)?(?:publicly\s+|openly\s+|freely\s+)?(?:available|released|open[- ]?sourced|accessible)|\b(?:publicly|openly|freely) (?:available|release[sd]?)\b|\bwe (?:will )?(?:release|open[- ]?source|make)\b[^.]{0,60}\b(?:code|data|dataset|models?|weights|checkpoints|publicly|available|open[- ]source)\b|\bavailable at\b", RegexOptions.IgnoreCase)]
    private static partial Regex Release();

    [GeneratedRegex(@"\b(?:we|this (?:paper|work|study|report)|in this (?:paper|work),? we|here,? we)\s+(?:\w+\s+){0,2}?(?:propose|proposes|introduce|introduces|present|presents|develop|develops|design|designs|build|builds|unveil|unveils|devise|devises|describe|describes|construct|constructs|curate|curates|formulate|formalize)\b|\b(?:dubbed|named|called)\s+[A-Z]|^[A-Z][\w\-]*(?:\s[\w\-]+)?,\s+(?:a|an)\s", RegexOptions.IgnoreCase)]
    private static partial Regex Proposal();

    [GeneratedRegex(@"\b(?:we|our (?:method|approach|framework|model|system|analysis))\s+(?:\w+\s+){0,2}?(?:show|find|demonstrate|train|use|leverage|study|analy[sz]e|investigate|explore|evaluate|conduct|compare|extend|apply|derive|prove|identify|combine|adopt|reformulate|frame|model|replace|employ|optimi[sz]e|scale|fine-tune|collect|benchmark|address|tackle|bridge)\b|\bthis (?:paper|work|study)\b|\bour (?:method|approach|framework|model|system|key|main|results?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Method();

    [GeneratedRegex(@"\b(?:outperform\w*|achiev\w*|improv\w*|reduc\w*|surpass\w*|exceed\w*|speed(?:s|ing)?\s?up|speedups?|accelerat\w*|boost\w*|yield\w*|match\w*|reach\w*|attain\w*|results? (?:show|demonstrate|indicate|reveal)|experiments? (?:show|demonstrate|on)|we (?:find|observe|show)|shows? that|demonstrat\w* that|state-of-the-art|lower|higher|fewer)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ResultCue();

    [GeneratedRegex(@"\b(?:however|despite|although|recent(?:ly)?|existing|current|traditional|conventional|remain|remains|has become|have become|has emerged|have emerged|has shown|have shown|have achieved|has attracted|is (?:a|an) (?:crucial|critical|key|fundamental|important)|suffer|struggle|challenge|limited|costly|expensive|bottleneck)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Background();
}
