using ResearchBot.BotState;
using static ResearchBot.Storage.Postgres.BotState.PostgresBotStateSql;

namespace ResearchBot.Storage.Postgres.BotState;

/// <summary><see cref="ISubscriptionRepository"/> in the PostgreSQL store (tables <c>bot_subscriptions</c>, <c>bot_subscription_posts</c>).</summary>
public sealed class PostgresSubscriptionRepository(PostgresDatabase db) : ISubscriptionRepository
{
    private const string Columns = "channel_id, guild_id, phrase, created_by, at, since";

    private static string Key(string phrase) => ChannelSubscription.Normalize(phrase).ToLowerInvariant();

    public async Task<bool> AddAsync(ChannelSubscription subscription, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var cmd = Command(c, $"INSERT INTO bot_subscriptions(phrase_key, {Columns}) VALUES (@k, @c, @g, @p, @u, @at, @since) ON CONFLICT DO NOTHING",
            ("k", Key(subscription.Phrase)), ("c", subscription.ChannelId), ("g", subscription.GuildId), ("p", ChannelSubscription.Normalize(subscription.Phrase)),
            ("u", subscription.CreatedBy), ("at", Utc(subscription.At)), ("since", subscription.Since));
        return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> RemoveAsync(string channelId, string phrase, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var cmd = Command(c, "DELETE FROM bot_subscriptions WHERE channel_id = @c AND phrase_key = @k", ("c", channelId), ("k", Key(phrase)));
        return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public Task<IReadOnlyList<ChannelSubscription>> ForChannelAsync(string channelId, CancellationToken cancellationToken = default) =>
        ReadAsync($"SELECT {Columns} FROM bot_subscriptions WHERE channel_id = @c ORDER BY at, phrase_key", ("c", channelId), cancellationToken);

    public Task<IReadOnlyList<ChannelSubscription>> AllAsync(CancellationToken cancellationToken = default) =>
        ReadAsync($"SELECT {Columns} FROM bot_subscriptions ORDER BY channel_id, at, phrase_key", null, cancellationToken);

    public async Task<IReadOnlySet<string>> PostedAsync(string channelId, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var cmd = Command(c, "SELECT paper_id FROM bot_subscription_posts WHERE channel_id = @c", ("c", channelId));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await r.ReadAsync(cancellationToken)) ids.Add(r.GetString(0));
        return ids;
    }

    public async Task MarkPostedAsync(string channelId, IEnumerable<string> paperIds, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var cmd = Command(c, "INSERT INTO bot_subscription_posts(channel_id, paper_id) SELECT @c, p FROM unnest(@p) AS p ON CONFLICT DO NOTHING",
            ("c", channelId), ("p", paperIds.Distinct(StringComparer.Ordinal).ToArray()));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<ChannelSubscription>> ReadAsync(string sql, (string, object?)? parameter, CancellationToken cancellationToken)
    {
        await using var c = db.Open();
        await using var cmd = parameter is { } p ? Command(c, sql, p) : Command(c, sql);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<ChannelSubscription>();
        while (await r.ReadAsync(cancellationToken))
            list.Add(new ChannelSubscription(r.GetString(0), TextOrNull(r, 1), r.GetString(2), r.GetString(3), Time(r, 4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5)));
        return list;
    }
}
