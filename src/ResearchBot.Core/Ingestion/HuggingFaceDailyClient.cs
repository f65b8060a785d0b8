using System.Globalization;
using Microsoft.Extensions.Options;
using ResearchBot.Papers;

namespace ResearchBot.Ingestion;

/// <summary>Fetches one day of the Hugging Face daily papers (<c>GET {BaseUrl}/api/daily_papers?date=YYYY-MM-DD</c>).</summary>
public sealed class HuggingFaceDailyClient(HttpClient http, HuggingFaceJsonParser parser, IOptions<HuggingFaceOptions> options, TimeProvider time)
{
    private const string SourceName = "Hugging Face";

    /// <summary>The papers listed on <paramref name="day"/>, each with a <c>hf-daily</c> listing for that day.</summary>
    public async Task<IReadOnlyList<Paper>> GetDailyPapersAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var relativeUrl = "api/daily_papers?date=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var body = await HttpSourceRequest.GetStringAsync(http, relativeUrl, SourceName, options.Value, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        return parser.Parse(body, new ParseContext(relativeUrl, day, today));
    }
}
