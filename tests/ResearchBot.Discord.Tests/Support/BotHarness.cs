using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResearchBot.Answering;
using ResearchBot.Digest;
using ResearchBot.Discord.Bot;
using ResearchBot.Discord.Gateway;
using ResearchBot.Ingestion;
using ResearchBot.Retrieval;
using ResearchBot.Storage;
using ResearchBot.TestSupport;
using ResearchBot.TestSupport.Discord;

namespace ResearchBot.Discord.Tests.Support;

/// <summary>The whole bot in a Generic Host (via <c>AddDiscordBot</c>), on a fake clock, against a started emulator.</summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const string Token = "test-token-SECRET-123";

    private readonly bool _ownsEmulator;
    private readonly string? _ownStore;

    private BotHarness(DiscordEmulator emulator, TestClock clock, IHost host, ListLoggerProvider logs, FakeAnswerService answers, FakeLibrary library, RecordingExitCode exit,
        bool ownsEmulator, string storePath, string? ownStore)
    {
        _ownsEmulator = ownsEmulator;
        _ownStore = ownStore;
        StorePath = storePath;
        Emulator = emulator;
        Clock = clock;
        Host = host;
        Logs = logs;
        Answers = answers;
        Library = library;
        Exit = exit;
    }

    public DiscordEmulator Emulator { get; }
    public EmulatedGateway Gateway => Emulator.Gateway;
    public EmulatedRest Rest => Emulator.Rest;
    public TestClock Clock { get; }
    public IHost Host { get; }
    public ListLoggerProvider Logs { get; }
    public FakeAnswerService Answers { get; }
    public FakeLibrary Library { get; }
    public RecordingExitCode Exit { get; }
    public string BotId => Gateway.BotUserId;

    /// <summary>The SQLite file the bot keeps its state in (answers, searches, feedback, subscriptions).</summary>
    public string StorePath { get; }

    /// <summary>Starts the emulator and the bot host.</summary>
    /// <param name="settings">Overrides of <c>Discord:*</c> keys (without the prefix); <c>{gateway}</c> becomes the emulator's gateway URL.</param>
    /// <param name="gateway">Gateway set-up before the bot connects.</param>
    /// <param name="emulatorSetup">Any other emulator set-up (scripted REST responses) before the bot starts.</param>
    /// <param name="services">Registrations that replace the fakes (e.g. the real answer pipeline over a test store).</param>
    /// <param name="emulator">An emulator already running (a restarted bot talks to the same Discord); it is not disposed with this harness.</param>
    /// <param name="storePath">The bot-state store (conversations, settings, answers, feedback; a restarted bot reuses it); by default a new temporary file removed on dispose.</param>
    /// <param name="otherSettings">Settings outside <c>Discord:</c>, with their full keys.</param>
    public static async Task<BotHarness> StartAsync(
        IDictionary<string, string?>? settings = null, Action<EmulatedGateway>? gateway = null, double random = 0.5, TestClock? clock = null,
        Action<DiscordEmulator>? emulatorSetup = null, Action<IServiceCollection, IConfiguration>? services = null,
        DiscordEmulator? emulator = null, string? storePath = null, FakeLibrary? library = null, IDictionary<string, string?>? otherSettings = null)
    {
        var ownsEmulator = emulator is null;
        emulator ??= await DiscordEmulator.StartAsync();
        var ownStore = storePath is null ? Path.Combine(Path.GetTempPath(), $"researchbot-bot-{Guid.NewGuid():N}.db") : null;
        storePath ??= ownStore!;
        gateway?.Invoke(emulator.Gateway);
        emulatorSetup?.Invoke(emulator);
        clock ??= new TestClock();
        var config = new Dictionary<string, string?>
        {
            ["Discord:Token"] = Token,
            ["Discord:ApiBaseUrl"] = emulator.ApiBaseUrl,
            ["Discord:GuildId"] = DiscordEvents.GuildId,
            ["Discord:UserCooldown"] = "00:00:00",
            ["Discord:MaxQuestionLength"] = "300",
            ["Storage:Path"] = storePath,
            ["Health:Url"] = "",
        };
        foreach (var (key, value) in otherSettings ?? new Dictionary<string, string?>()) config[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config["Discord:" + key] = value?.Replace("{gateway}", emulator.GatewayUrl);

        var logs = new ListLoggerProvider();
        var answers = new FakeAnswerService();
        library ??= new FakeLibrary();
        var exit = new RecordingExitCode();
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IGatewayRandom>(new FixedRandom(random));
        builder.Services.AddSingleton<IExitCode>(exit);
        builder.Services.AddSingleton<IAnswerService>(answers);
        builder.Services.AddSingleton<IPaperSearch>(library);
        builder.Services.AddSingleton<IPaperStore>(library);
        builder.Services.AddSingleton<IDigestService>(library);
        builder.Services.AddSingleton<IIngestionService>(library);
        builder.Services.AddSingleton(new SqliteConnectionFactory(new StorageOptions { Path = storePath }));
        services?.Invoke(builder.Services, builder.Configuration);
        builder.Services.AddDiscordBot(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return new BotHarness(emulator, clock, host, logs, answers, library, exit, ownsEmulator, storePath, ownStore);
    }

    /// <summary>Waits until the emulator has sent READY on the first connection and the bot registered its commands.</summary>
    public async Task ReadyAsync(int nth = 1)
    {
        await Gateway.Frames.WaitForCountAsync(f => !f.FromClient && f.Type == "READY", nth, what: $"READY #{nth}");
        await Rest.Requests.WaitForCountAsync(r => r.Method == "PUT" && r.Path.EndsWith("/commands"), nth, what: $"command registration #{nth}");
    }

    /// <summary>
    /// Waits until the bot started a thread on <paramref name="messageId"/> and registered it as a conversation (it does
    /// so when the thread-creation call returns, so a follow-up sent before that would not be in a conversation yet).
    /// </summary>
    public async Task<string> WaitForThreadConversationAsync(string messageId)
    {
        var thread = await Rest.Threads.WaitForAsync(t => t.MessageId == messageId);
        var conversations = Host.Services.GetRequiredService<ResearchBot.Discord.Bot.ConversationStore>();
        for (var i = 0; i < 600 && !conversations.Has(thread.Id); i++) await Task.Delay(50);
        Assert.True(conversations.Has(thread.Id), "the thread became a conversation");
        return thread.Id;
    }

    /// <summary>Dispatches a message mentioning the bot in the guild channel.</summary>
    public Task<long> MentionAsync(string messageId, string text, string channelId = DiscordEvents.ChannelId, string userId = DiscordEvents.UserId) =>
        Gateway.DispatchAsync("MESSAGE_CREATE", DiscordEvents.Message(messageId, $"<@{BotId}> {text}", channelId, authorId: userId, mentions: [BotId]));

    /// <summary>The final reply: waits until the answer's last message arrived (the message carrying the sources embed).</summary>
    public Task<EmulatedMessage> WaitForMessageAsync(Func<EmulatedMessage, bool> match, string what) =>
        Rest.Messages.WaitForAsync(match, what: what);

    /// <summary>Every REST request that sent message content.</summary>
    public IReadOnlyList<RecordedRequest> MessageRequests() =>
        Rest.Requests.Snapshot().Where(r => r.Method is "POST" or "PATCH" && r.Body.Contains("\"content\"")).ToList();

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try { await Host.StopAsync(timeout.Token); }
            catch (OperationCanceledException) { }
        }
        Host.Dispose();
        if (_ownsEmulator) await Emulator.DisposeAsync();
        if (_ownStore is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_ownStore + suffix);
        }
    }
}
