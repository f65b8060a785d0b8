using ResearchBot.Answering.Sources;

namespace ResearchBot.Answering.Offline;

/// <summary>What an offline answer says about one paper.</summary>
/// <param name="Source">The numbered source.</param>
/// <param name="Does">Its method sentence that best answers the question (what the paper does).</param>
/// <param name="Found">A result sentence with what it found, or null.</param>
/// <param name="Address">How well these sentences and the title address the question (0..1).</param>
/// <param name="AspectFigure">True when it states a figure on the aspect the question asks about.</param>
public sealed record PaperPick(NumberedSource Source, ScoredSentence Does, ScoredSentence? Found, double Address, bool AspectFigure);
