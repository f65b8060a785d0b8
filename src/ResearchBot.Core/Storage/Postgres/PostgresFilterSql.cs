using Npgsql;
using NpgsqlTypes;

namespace ResearchBot.Storage.Postgres;

/// <summary>
/// <see cref="PaperFilterSql{TParameter}"/> in PostgreSQL's dialect: typed parameters <c>@f0</c>, <c>@f1</c>, ...; list
/// membership as jsonb containment; <c>= ANY</c> over a typed array; text compared and sorted with <c>COLLATE "C"</c>
/// (ordinal, whatever the database's locale) and explicit NULLS FIRST/LAST.
/// </summary>
internal sealed class PostgresFilterSql : PaperFilterSql<NpgsqlParameter>
{
    public static (string Where, IReadOnlyList<NpgsqlParameter> Parameters) Where(PaperFilter filter) => new PostgresFilterSql().Condition(filter);

    public static string OrderBy(IReadOnlyList<PaperSort> sort) => new PostgresFilterSql().Ordering(sort);

    protected override string True => "TRUE";

    protected override string False => "FALSE";

    protected override string NotEqual => " IS DISTINCT FROM ";

    protected override string AscendingNullsFirst => " ASC NULLS FIRST";

    protected override string DescendingNullsLast => " DESC NULLS LAST";

    protected override string Parameter(string field, object value)
    {
        var name = "f" + Parameters.Count;
        Parameters.Add(new NpgsqlParameter(name, Type(field)) { Value = value });
        return "@" + name;
    }

    // The list fields hold JSON arrays of strings: containment of a one-element array is membership.
    protected override string ListContains(string column, string field, object value) =>
        $"({column}::jsonb @> jsonb_build_array({Parameter(field, value)}::text))";

    protected override string OneOf(string field, IReadOnlyList<object> values)
    {
        var name = "f" + Parameters.Count;
        Array array = Type(field) switch
        {
            NpgsqlDbType.Integer => values.Select(v => (int)v).ToArray(),
            NpgsqlDbType.Date => values.Select(v => (DateOnly)v).ToArray(),
            _ => values.Select(v => (string)v).ToArray(),
        };
        Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | Type(field)) { Value = array });
        return $"{Compared(field)} = ANY(@{name})";
    }

    /// <summary>The column, with ordinal collation for text (what SQLite's BINARY and C#'s ordinal comparisons do).</summary>
    protected override string Compared(string field) => Type(field) == NpgsqlDbType.Text ? Column(field) + " COLLATE \"C\"" : Column(field);

    protected override object Published(DateOnly day) => day;

    /// <summary>The column type a field's values are compared as (the list fields: their elements).</summary>
    private static NpgsqlDbType Type(string field) => field switch
    {
        nameof(PaperRecord.Date) or nameof(PaperRecord.AuthorCount) or nameof(PaperRecord.Upvotes) => NpgsqlDbType.Integer,
        nameof(PaperRecord.Published) => NpgsqlDbType.Date,
        _ => NpgsqlDbType.Text,
    };
}
