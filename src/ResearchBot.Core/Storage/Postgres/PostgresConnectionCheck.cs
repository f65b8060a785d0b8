using Npgsql;

namespace ResearchBot.Storage.Postgres;

/// <summary>Checks a <c>Storage:ConnectionString</c> without ever echoing it (it holds a password).</summary>
public static class PostgresConnectionCheck
{
    /// <summary>What is wrong with the connection string, or null when Npgsql accepts it and it names a host.</summary>
    public static string? Problem(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(b.Host) ? "must name a Host (Host=...;Database=...;Username=...)" : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return "is not an Npgsql connection string (Host=...;Port=5432;Database=...;Username=...)";
        }
    }

    /// <summary>Host, port and database of a connection string: what may be shown to people (never the password).</summary>
    public static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgres://{b.Host}:{b.Port}/{b.Database ?? b.Username}";
    }
}
