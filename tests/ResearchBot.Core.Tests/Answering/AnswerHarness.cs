using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResearchBot.Answering;
using ResearchBot.Papers;
using ResearchBot.Retrieval;
using ResearchBot.Storage;
using ResearchBot.TestSupport.Fakes;

namespace ResearchBot.Core.Tests.Answering;

/// <summary>Builds the answer services through <see cref="AnsweringServiceCollectionExtensions.AddAnswering"/> over the fake store and search.</summary>
internal sealed class AnswerHarness : IDisposable
{
    /// <summary>Wednesday 2026-04-29, 09:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 4, 29, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    public AnswerHarness(Dictionary<string, string?>? config = null, IReadOnlyList<Paper>? papers = null)
    {
        Store = new FakePaperStore(papers ?? TestPapers.All);
        Search = new FakePaperSearch(Store);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config ?? []).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddSingleton<IPaperStore>(Store);
        services.AddSingleton<IPaperSearch>(Search);
        services.AddAnswering(configuration);
        _provider = services.BuildServiceProvider();
    }

    public FakePaperStore Store { get; }

    public FakePaperSearch Search { get; }

    public IServiceProvider Services => _provider;

    public IAnswerService Answers => _provider.GetRequiredService<IAnswerService>();

    /// <summary>Configuration for the OpenAI-compatible provider at <paramref name="endpoint"/>.</summary>
    public static Dictionary<string, string?> OpenAi(Uri endpoint, int maxRetries = 0, string timeout = "00:00:20") => new()
    {
        ["Chat:Provider"] = "OpenAI",
        ["Chat:Endpoint"] = endpoint.ToString(),
        ["Chat:Model"] = "test-model",
        ["Chat:ApiKey"] = "sk-test-secret",
        ["Chat:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Chat:Timeout"] = timeout,
    };

    /// <summary>Configuration for the Ollama provider (native API) at <paramref name="endpoint"/>.</summary>
    public static Dictionary<string, string?> Ollama(Uri endpoint) => new()
    {
        ["Chat:Provider"] = "Ollama",
        ["Chat:Endpoint"] = endpoint.ToString(),
        ["Chat:Model"] = "llama3.2",
        ["Chat:MaxRetries"] = "0",
        ["Chat:Timeout"] = "00:00:20",
    };

    /// <summary>Asks and returns the streamed pieces and the completed answer.</summary>
    public async Task<(IReadOnlyList<string> Deltas, Answer Answer)> AskAsync(string question, IReadOnlyList<ChatTurn>? history = null, DateOnly? from = null, DateOnly? to = null,
        ResearchBot.Answering.References.ShownList? shown = null)
    {
        var deltas = new List<string>();
        Answer? answer = null;
        await foreach (var update in Answers.StreamAsync(new AskRequest(question, history ?? [], From: from, To: to, Shown: shown)))
        {
            if (update is AnswerDelta d) deltas.Add(d.Text);
            else if (update is AnswerCompleted c) answer = c.Answer;
        }
        Assert.NotNull(answer);
        return (deltas, answer);
    }

    public void Dispose() => _provider.Dispose();
}
