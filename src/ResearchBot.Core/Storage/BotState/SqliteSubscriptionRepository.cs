using System.Globalization;
using ResearchBot.BotState;
using static ResearchBot.Storage.BotState.BotStateDatabase;

namespace ResearchBot.Storage.BotState;

/// <summary><see cref="ISubscriptionRepository"/> in the SQLite store (tables <c>bot_subscriptions</c>, <c>bot_subscription_posts</c>).</summary>
public sealed class SqliteSubscriptionRepository(SqliteConnectionFactory factory) : ISubscriptionRepository
{
    private readonly BotStateDatabase _db = new(factory, """
        CREATE TABLE IF NOT EXISTS bot_subscriptions(
            channel_id TEXT NOT NULL, phrase_key TEXT NOT NULL, phrase TEXT NOT NULL, guild_id TEXT, created_by TEXT NOT NULL,
            at TEXT NOT NULL, since TEXT, PRIMARY KEY(channel_id, phrase_key)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS bot_subscription_posts(channel_id TEXT NOT NULL, paper_id TEXT NOT NULL, PRIMARY KEY(channel_id, paper_id)) WITHOUT ROWID;
        """);

    private const string Columns = "channel_id, guild_id, phrase, created_by, at, since";

    private static string Key(string phrase) => ChannelSubscription.Normalize(phrase).ToLowerInvariant();

    public async Task<bool> AddAsync(ChannelSubscription subscription, CancellationToken cancellationToken = default)
    {
        await using var c = _db.Open();
        await using var cmd = Command(c,
            $"INSERT OR IGNORE INTO bot_subscriptions(phrase_key, {Columns}) VALUES ($k, $c, $g, $p, $u, $at, $since)",
            ("$k", Key(subscription.Phrase)), ("$c", subscription.ChannelId), ("$g", subscription.GuildId), ("$p", ChannelSubscription.Normalize(subscription.Phrase)),
            ("$u", subscription.CreatedBy), ("$at", Time(subscription.At)), ("$since", subscription.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> RemoveAsync(string channelId, string phrase, CancellationToken cancellationToken = default)
    {
        await using var c = _db.Open();
        await using var cmd = Command(c, "DELETE FROM bot_subscriptions WHERE channel_id = $c AND phrase_key = $k", ("$c", channelId), ("$k", Key(phrase)));
        return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public Task<IReadOnlyList<ChannelSubscription>> ForChannelAsync(string channelId, CancellationToken cancellationToken = default) =>
        ReadAsync($"SELECT {Columns} FROM bot_subscriptions WHERE channel_id = $c ORDER BY at, phrase_key", ("$c", channelId), cancellationToken);

    public Task<IReadOnlyList<ChannelSubscription>> AllAsync(CancellationToken cancellationToken = default) =>
        ReadAsync($"SELECT {Columns} FROM bot_subscriptions ORDER BY channel_id, at, phrase_key", null, cancellationToken);

    public async Task<IReadOnlySet<string>> PostedAsync(string channelId, CancellationToken cancellationToken = default)
    {
        await using var c = _db.Open();
        await using var cmd = Command(c, "SELECT paper_id FROM bot_subscription_posts WHERE channel_id = $c", ("$c", channelId));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await r.ReadAsync(cancellationToken)) ids.Add(r.GetString(0));
        return ids;
    }

    public async Task MarkPostedAsync(string channelId, IEnumerable<string> paperIds, CancellationToken cancellationToken = default)
    {
        await using var c = _db.Open();
        await using var tx = c.BeginTransaction();
        foreach (var id in paperIds.Distinct(StringComparer.Ordinal))
        {
            await using var cmd = Command(c, "INSERT OR IGNORE INTO bot_subscription_posts(channel_id, paper_id) VALUES ($c, $p)", ("$c", channelId), ("$p", id));
            cmd.Transaction = tx;
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<ChannelSubscription>> ReadAsync(string sql, (string, object?)? parameter, CancellationToken cancellationToken)
    {
        await using var c = _db.Open();
        await using var cmd = parameter is { } p ? Command(c, sql, p) : Command(c, sql);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<ChannelSubscription>();
        while (await r.ReadAsync(cancellationToken))
            list.Add(new ChannelSubscription(r.GetString(0), TextOrNull(r, 1), r.GetString(2), r.GetString(3), Time(r.GetString(4)),
                TextOrNull(r, 5) is { } since ? DateOnly.ParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null));
        return list;
    }
}
