using Microsoft.Data.Sqlite;

namespace ResearchBot.Storage;

/// <summary>
/// <see cref="PaperFilterSql{TParameter}"/> in SQLite's dialect: parameters <c>$f0</c>, <c>$f1</c>, ...; the list fields are
/// JSON text searched with <c>json_each</c>; text already compares ordinally (BINARY) and NULL sorts first ascending.
/// </summary>
internal sealed class SqliteFilterSql : PaperFilterSql<SqliteParameter>
{
    public static (string Where, IReadOnlyList<SqliteParameter> Parameters) Where(PaperFilter filter) => new SqliteFilterSql().Condition(filter);

    public static string OrderBy(IReadOnlyList<PaperSort> sort) => new SqliteFilterSql().Ordering(sort);

    protected override string True => "1";

    protected override string False => "0";

    protected override string NotEqual => " IS NOT ";

    protected override string AscendingNullsFirst => " ASC";

    protected override string DescendingNullsLast => " DESC";

    protected override string Parameter(string field, object value)
    {
        var name = "$f" + Parameters.Count;
        Parameters.Add(new SqliteParameter(name, value));
        return name;
    }

    protected override string ListContains(string column, string field, object value) =>
        $"EXISTS (SELECT 1 FROM json_each({column}) WHERE json_each.value = {Parameter(field, value)})";

    protected override string OneOf(string field, IReadOnlyList<object> values) =>
        $"{Column(field)} IN ({string.Join(", ", values.Select(v => Parameter(field, v)))})";

    protected override object Published(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
