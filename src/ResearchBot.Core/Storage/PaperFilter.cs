namespace ResearchBot.Storage;

/// <summary>
/// A record filter in provider-neutral form, as <see cref="PaperFilterTranslator"/> makes it from a LINQ expression:
/// fields are <see cref="PaperRecord"/> property names, values are plain CLR values (string, int, DateOnly, or null).
/// Each store turns it into its own query language (SQLite: <see cref="SqliteFilterSql"/>, PostgreSQL: <see cref="Postgres.PostgresFilterSql"/>). Semantics are C#'s:
/// a comparison with a null field is false, and <c>!=</c> is true when exactly one side is null.
/// </summary>
public abstract record PaperFilter
{
    /// <summary>Every record.</summary>
    public static readonly PaperFilter All = new Constant(true);

    public sealed record Constant(bool Value) : PaperFilter;

    /// <summary><c>field op value</c>; <paramref name="Value"/> null only with <see cref="FilterOperator.Equal"/> or <see cref="FilterOperator.NotEqual"/> (a null check).</summary>
    public sealed record Comparison(string Field, FilterOperator Operator, object? Value) : PaperFilter;

    public sealed record And(PaperFilter Left, PaperFilter Right) : PaperFilter;

    public sealed record Or(PaperFilter Left, PaperFilter Right) : PaperFilter;

    public sealed record Not(PaperFilter Operand) : PaperFilter;

    /// <summary>A list field (e.g. <see cref="PaperRecord.Authors"/>) holds <paramref name="Value"/>.</summary>
    public sealed record ListContains(string Field, object Value) : PaperFilter;

    /// <summary>A scalar field's value is one of <paramref name="Values"/> (a captured array's <c>Contains</c>).</summary>
    public sealed record In(string Field, IReadOnlyList<object?> Values) : PaperFilter;

    /// <summary>
    /// The inclusive day-number range on <see cref="PaperRecord.Date"/> this filter is exactly equivalent to, or null when
    /// it tests anything else (then a store evaluates it in full). Lets a ranker that filters by date do it in memory.
    /// </summary>
    public (int? From, int? To)? AsDayRange()
    {
        int? from = null, to = null;
        return Collect(this, ref from, ref to) ? (from, to) : null;

        static bool Collect(PaperFilter f, ref int? from, ref int? to)
        {
            switch (f)
            {
                case Constant { Value: true }:
                    return true;
                case And and:
                    return Collect(and.Left, ref from, ref to) && Collect(and.Right, ref from, ref to);
                case Comparison { Field: nameof(PaperRecord.Date), Value: DateOnly d } c:
                    var day = d.DayNumber;
                    switch (c.Operator)
                    {
                        case FilterOperator.GreaterThanOrEqual: from = Math.Max(from ?? int.MinValue, day); return true;
                        case FilterOperator.GreaterThan: from = Math.Max(from ?? int.MinValue, day + 1); return true;
                        case FilterOperator.LessThanOrEqual: to = Math.Min(to ?? int.MaxValue, day); return true;
                        case FilterOperator.LessThan: to = Math.Min(to ?? int.MaxValue, day - 1); return true;
                        case FilterOperator.Equal: from = Math.Max(from ?? int.MinValue, day); to = Math.Min(to ?? int.MaxValue, day); return true;
                        default: return false;
                    }
                default:
                    return false;
            }
        }
    }
}

/// <summary>The comparisons a <see cref="PaperFilter.Comparison"/> makes.</summary>
public enum FilterOperator
{
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}

/// <summary>One sort key of a filtered get: a <see cref="PaperRecord"/> data field and its direction.</summary>
public sealed record PaperSort(string Field, bool Ascending);
