using Cronos;
using Microsoft.Extensions.Options;

namespace ResearchBot.Ingestion.Scheduling;

/// <summary>Checks <see cref="IngestScheduleOptions"/> at start: a bad cron, zone or source fails naming its key.</summary>
public sealed class IngestScheduleOptionsValidator : IValidateOptions<IngestScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestScheduleOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Schedule))
        {
            try { CronExpression.Parse(options.Schedule); }
            catch (CronFormatException ex) { errors.Add($"Ingest:Schedule '{options.Schedule}' is not a five-field cron expression: {ex.Message}"); }
        }
        try { TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone); }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException) { errors.Add($"Ingest:TimeZone '{options.TimeZone}' is not a known time zone"); }
        foreach (var source in options.Sources)
            if (ScheduledSource.Parse(source) is null)
                errors.Add($"Ingest:Sources entry '{source}' is neither 'hf' nor 'arxiv:QUERY' (e.g. arxiv:cat:cs.CL)");
        if (options.ArxivMax < 1) errors.Add($"Ingest:ArxivMax must be at least 1, not {options.ArxivMax}");
        if (options.MaxCatchUpRuns < 0) errors.Add($"Ingest:MaxCatchUpRuns cannot be negative, not {options.MaxCatchUpRuns}");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
