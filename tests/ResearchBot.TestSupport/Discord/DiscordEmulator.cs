using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ResearchBot.TestSupport.Discord;

/// <summary>
/// A Discord server on 127.0.0.1 (a free port): REST v10 under <see cref="ApiBaseUrl"/> and the gateway at
/// <see cref="GatewayUrl"/> (resumes go to <c>/resume</c>). Tests drive the real client against it.
/// </summary>
public sealed class DiscordEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DiscordEmulator(WebApplication app, string origin)
    {
        _app = app;
        ApiBaseUrl = origin + "/api/v10";
        var ws = "ws" + origin[4..];
        GatewayUrl = ws + "/gateway";
        Gateway.ResumeUrl = ws + "/resume";
        Rest.GatewayUrl = GatewayUrl;
    }

    public string ApiBaseUrl { get; }
    public string GatewayUrl { get; }
    public string ResumeUrl => Gateway.ResumeUrl;
    public EmulatedGateway Gateway { get; } = new();
    public EmulatedRest Rest { get; } = new();

    public static async Task<DiscordEmulator> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        DiscordEmulator? emulator = null;
        app.Map("/gateway", (HttpContext c) => emulator!.Gateway.HandleAsync(c, "/gateway"));
        app.Map("/resume", (HttpContext c) => emulator!.Gateway.HandleAsync(c, "/resume"));
        app.Map("/api/v10/{**path}", (HttpContext c, string path) => emulator!.Rest.HandleAsync(c, path));
        await app.StartAsync();
        var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator = new DiscordEmulator(app, origin.Replace("[::1]", "127.0.0.1").TrimEnd('/'));
        return emulator;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
